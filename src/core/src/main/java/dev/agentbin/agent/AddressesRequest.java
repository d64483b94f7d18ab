package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.util.List;

/** PUT .../addresses: the full new set, in ring order; absent or empty clears it. */
public record AddressesRequest(List<@Valid Address> addresses) {

    @JsonIgnore
    @AssertTrue(message = Addresses.MESSAGE)
    public boolean isAddressesValid() {
        return Addresses.valid(addresses);
    }
}
