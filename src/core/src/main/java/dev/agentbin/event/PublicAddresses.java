package dev.agentbin.event;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a webhook may be delivered to: global unicast only (IANA's special-purpose address
 * registries). An IPv6 address that carries an IPv4 one the packets end up at (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4) is judged by that IPv4 address, so {@code ::ffff:10.0.0.5} is as private
 * as 10.0.0.5. Other transition blocks (Teredo, local-use NAT64, IPv4-translated) are refused whole.
 */
final class PublicAddresses {

    private PublicAddresses() {}

    private record Block(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** Where an IPv4 address sits inside an IPv6 one. */
    private record Embedding(Block block, int offset) {}

    private static final List<Block> IPV4_NOT_GLOBAL = List.of(
            block("0.0.0.0/8"), // "this network"
            block("10.0.0.0/8"), // private
            block("100.64.0.0/10"), // carrier-grade NAT
            block("127.0.0.0/8"), // loopback
            block("169.254.0.0/16"), // link-local: the instance metadata service
            block("172.16.0.0/12"), // private
            block("192.0.0.0/24"), // IETF protocol assignments
            block("192.0.2.0/24"), // documentation
            block("192.88.99.0/24"), // 6to4 relay anycast (deprecated)
            block("192.168.0.0/16"), // private
            block("198.18.0.0/15"), // benchmarking
            block("198.51.100.0/24"), // documentation
            block("203.0.113.0/24"), // documentation
            block("224.0.0.0/4"), // multicast
            block("240.0.0.0/4")); // reserved, and the limited broadcast address

    private static final List<Embedding> IPV4_INSIDE_IPV6 = List.of(
            new Embedding(ipv4Mapped(), 12), // ::ffff:a.b.c.d
            new Embedding(block("::/96"), 12), // IPv4-compatible ::a.b.c.d (deprecated); :: and ::1 land in 0/8
            new Embedding(block("64:ff9b::/96"), 12), // NAT64, well-known prefix
            new Embedding(block("2002::/16"), 2)); // 6to4

    /** Everything outside it (unique-local, link-local, site-local, multicast, 64:ff9b:1::/48, 100::/64 …) is not global. */
    private static final Block IPV6_GLOBAL_UNICAST = block("2000::/3");

    private static final List<Block> IPV6_GLOBAL_UNICAST_NOT_GLOBAL = List.of(
            block("2001::/23"), // IETF protocol assignments: Teredo (an obfuscated IPv4 inside), benchmarking, ORCHID
            block("2001:db8::/32"), // documentation
            block("3fff::/20")); // documentation

    static boolean isPublic(InetAddress address) {
        return isPublic(address.getAddress());
    }

    private static boolean isPublic(byte[] address) {
        if (address.length == 4) {
            return IPV4_NOT_GLOBAL.stream().noneMatch(block -> block.contains(address));
        }
        for (Embedding embedding : IPV4_INSIDE_IPV6) {
            if (embedding.block().contains(address)) {
                return isPublic(Arrays.copyOfRange(address, embedding.offset(), embedding.offset() + 4));
            }
        }
        return IPV6_GLOBAL_UNICAST.contains(address)
                && IPV6_GLOBAL_UNICAST_NOT_GLOBAL.stream().noneMatch(block -> block.contains(address));
    }

    /** An address literal only: never a DNS lookup. */
    private static Block block(String cidr) {
        String[] parts = cidr.split("/");
        try {
            return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** Written out: the JDK parses every ::ffff:a.b.c.d literal into an IPv4 address. */
    private static Block ipv4Mapped() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return new Block(prefix, 96);
    }
}
