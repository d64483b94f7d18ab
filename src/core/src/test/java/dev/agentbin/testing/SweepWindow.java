package dev.agentbin.testing;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stretch of the past that only one test's rows reach, so that the test's sweep ends what that test
 * made and nothing else. The test database is shared: a sweep "two minutes from now" would end every
 * call other tests left ringing, and its counts could only be asserted as "at least one". Instead the
 * test moves its agent and that agent's calls back by {@link #offset()} (every timestamp a sweep reads,
 * by the same amount, so their spacing is kept) and sweeps at {@link #now()} plus whatever time it lets
 * pass. Other tests' rows lie in the present, decades after it, and another window is another day.
 */
public final class SweepWindow {

    private final long days;

    private SweepWindow(long days) {
        this.days = days;
    }

    /** A window some 25 to 50 years back, a random whole number of days. */
    public static SweepWindow open() {
        return new SweepWindow(ThreadLocalRandom.current().nextLong(9_000, 18_000));
    }

    public Duration offset() {
        return Duration.ofDays(days);
    }

    /** The present, as it is in the window. */
    public Instant now() {
        return Instant.now().minus(offset()).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Moves the agent's wrap-up and its agentcalls' ring deadlines and answer times into the window; run
     * it in the caller's transaction.
     */
    public void moveIn(EntityManager entityManager, UUID agentId) {
        entityManager
                .createNativeQuery(
                        "update agent_agents set wrapup_until = wrapup_until - make_interval(days => ?1) where id = ?2")
                .setParameter(1, (int) days)
                .setParameter(2, agentId)
                .executeUpdate();
        entityManager
                .createNativeQuery("update agent_calls set deadline = deadline - make_interval(days => ?1), "
                        + "tm_answer = tm_answer - make_interval(days => ?1) where agent_id = ?2")
                .setParameter(1, (int) days)
                .setParameter(2, agentId)
                .executeUpdate();
    }
}
