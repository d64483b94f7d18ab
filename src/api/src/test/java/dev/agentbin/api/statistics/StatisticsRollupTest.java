package dev.agentbin.api.statistics;

import static dev.agentbin.api.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.access.Permission;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.support.ScriptedClockProfile;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.SettableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rollups against the raw rows: a random mix of rings (answered and ended by either side, missed by the
 * legs or the ring timeout, canceled, failed) and status choices over four days, on a scripted clock, then
 * every agent's day rows compared with aggregates computed in SQL over its agentcalls. Status time has no
 * raw rows of its own: ringing and talking are the agentcalls' intervals, and all six statuses add up to
 * each day's share of the agent's life. In 2100, as StatisticsTest, out of every other test's sweeps.
 */
@QuarkusTest
@TestProfile(ScriptedClockProfile.class)
class StatisticsRollupTest {

    static final Instant START = Instant.parse("2100-03-10T21:00:00Z");
    static final long SEED = Long.getLong("statistics.seed", 20);

    @Inject
    SettableClock clock;

    @Inject
    AgentCallService agentCalls;

    @Inject
    TestAgents seeds;

    @Inject
    EntityManager db;

    @Test
    void theRollupsEqualTheAgentcallsAggregatedInSql() {
        Random random = new Random(SEED);
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        Script script = new Script(clock, agentCalls, admin);
        script.at(START);
        List<UUID> agents = List.of(script.agent(0), script.agent(20), script.agent(45, 2));
        Map<UUID, Integer> wrapup = Map.of(agents.get(0), 0, agents.get(1), 20, agents.get(2), 45);

        Instant t = START;
        for (int step = 0; step < 120; step++) {
            t = t.plusMillis(1 + (long) (random.nextDouble() * random.nextDouble() * 7_200_000));
            UUID agent = agents.get(random.nextInt(agents.size()));
            script.at(t);
            if (random.nextInt(6) == 0) {
                script.status(agent, List.of("available", "away", "offline").get(random.nextInt(3)));
                continue;
            }
            if (!"available".equals(script.statusOf(agent))) {
                script.status(agent, "available");
            }
            t = ring(script, random, agent, wrapup.get(agent), t);
        }
        Instant end = t.plusSeconds(60);
        script.at(end);
        for (UUID agent : agents) {
            // A status change closes the open interval, so the day rows hold every moment up to the end.
            script.status(agent, "offline".equals(script.statusOf(agent)) ? "away" : "offline");
        }

        Map<String, List<Long>> rollups = rows(ROLLUP_COUNTS, agents);
        assertEquals(rows(RAW_COUNTS, agents), rollups);
        assertTrue(rollups.size() >= 3 * 3, "rings on at least three days of each agent: " + rollups.keySet());
        assertEquals(rows(RAW_HISTOGRAMS, agents), rows(ROLLUP_HISTOGRAMS, agents));
        assertEquals(rows(RAW_RINGING_AND_TALKING, agents), rows(ROLLUP_RINGING_AND_BUSY, agents));
        assertEquals(lifeByDay(agents, end), rows(ROLLUP_STATUS_TOTAL, agents));

        // And the read: the whole window's figures for the customer, against the same raw rows.
        LocalDate first = LocalDate.ofInstant(START, ZoneOffset.UTC);
        JsonPath read = as(admin)
                .queryParam("from", first.toString())
                .queryParam("to", LocalDate.ofInstant(end, ZoneOffset.UTC).toString())
                .get("/v1.0/agent_statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Long> raw = rows(RAW_TOTAL, agents).values().iterator().next();
        assertEquals(
                raw.subList(0, 5),
                List.of(
                        read.getLong("total.offered"),
                        read.getLong("total.answered"),
                        read.getLong("total.missed"),
                        read.getLong("total.canceled"),
                        read.getLong("total.failed")));
        assertEquals(raw.get(5), read.getLong("total.talk_time_total_ms"));
        assertWithinTolerance(raw.get(6), read.getLong("total.time_to_answer_p50_ms"));
        assertWithinTolerance(raw.get(7), read.getLong("total.time_to_answer_p90_ms"));
    }

    /** One ring of a random kind, starting at t; returns when the agent is free again. */
    private static Instant ring(Script script, Random random, UUID agent, int wrapupSeconds, Instant t) {
        int kind = random.nextInt(20);
        if (kind < 2) {
            script.addresses(agent, Script.FAILS);
            script.at(t).ring(agent);
            script.addresses(agent, Script.RINGS);
            return t;
        }
        AgentCall call = script.at(t).ring(agent);
        if (kind < 5) {
            Instant gaveUp = t.plusMillis(1 + random.nextInt(40_000));
            script.at(gaveUp).cancel(call);
            return gaveUp;
        }
        if (kind < 7) {
            Instant swept = t.plusSeconds(600).plusMillis(1 + random.nextInt(60_000));
            script.sweep(swept);
            return swept;
        }
        if (kind < 10) {
            Instant ended = t.plusMillis(1 + random.nextInt(60_000));
            script.noAnswer(call, ended);
            return ended;
        }
        long toAnswer = random.nextInt(10) == 0 ? 60_000 + random.nextInt(530_000) : random.nextInt(30_000);
        Instant answered = t.plusMillis(toAnswer);
        script.answer(call, answered);
        Instant ended = answered.plusMillis(1_000 + random.nextInt(1_800_000));
        if (random.nextBoolean()) {
            script.end(call, ended);
        } else {
            script.at(ended).callerEnds(call);
        }
        if (wrapupSeconds == 0) {
            return ended;
        }
        Instant free = ended.plusSeconds(wrapupSeconds).plusMillis(1 + random.nextInt(20_000));
        script.sweep(free);
        return free;
    }

    /** Within the tolerance docs/statistics.md states. */
    private static void assertWithinTolerance(long exact, long estimate) {
        long tolerance = exact < 60_000 ? 500 : exact < 600_000 ? 5_000 : 0;
        assertTrue(Math.abs(exact - estimate) <= tolerance, "exact " + exact + " ms, estimated " + estimate + " ms");
    }

    /** Each agent's day: the part of [created, end) it holds, in ms (status time adds up to this). */
    private Map<String, List<Long>> lifeByDay(List<UUID> agents, Instant end) {
        Map<String, List<Long>> life = new TreeMap<>();
        for (UUID agent : agents) {
            for (var share : dev.agentbin.stats.UtcDays.split(START, end)) {
                life.put(agent + " " + share.day(), List.of(share.millis()));
            }
        }
        return life;
    }

    /** ms from a to b, as the rollups count them (whole milliseconds; the script's times have no finer part). */
    private static final String MS = "floor(extract(epoch from (%s)) * 1000)";

    private static final String DAY = "(c.tm_create at time zone 'UTC')::date";

    static final String RAW_COUNTS =
            """
            select c.agent_id || ' ' || %1$s, count(*), count(c.tm_answer),
                   count(*) filter (where c.status = 'no_answer'), count(*) filter (where c.status = 'canceled'),
                   count(*) filter (where c.status = 'failed'), coalesce(sum(%2$s) filter (where c.tm_answer is not null), 0),
                   count(*) filter (where c.status = 'completed'),
                   coalesce(sum(%3$s) filter (where c.status = 'completed'), 0)
              from agent_calls c where c.agent_id = any(:agents) group by 1""".formatted(DAY, MS.formatted("c.tm_answer - c.tm_create"), MS.formatted("c.tm_end - c.tm_answer"));
    static final String ROLLUP_COUNTS = """
            select agent_id || ' ' || day, offered, answered, missed, canceled, failed, answer_ms_sum, talked, talk_ms_sum
              from agent_stat_days where agent_id = any(:agents) and offered > 0""";
    /** The buckets of stats/AnswerHistogram, restated: 1 s wide below 60 s, 10 s wide to 600 s, then one. */
    static final String RAW_HISTOGRAMS = """
            select c.agent_id || ' ' || %1$s || ' ' || b.bucket, count(*)
              from agent_calls c, lateral (select %2$s as ms) m,
                   lateral (select case when m.ms < 60000 then floor(m.ms / 1000) when m.ms < 600000 then 60 + floor((m.ms - 60000) / 10000)
                                        else 114 end as bucket) b
             where c.agent_id = any(:agents) and c.tm_answer is not null group by 1""".formatted(DAY, MS.formatted("c.tm_answer - c.tm_create"));

    static final String ROLLUP_HISTOGRAMS = """
            select d.agent_id || ' ' || d.day || ' ' || (h.i - 1), h.n from agent_stat_days d, unnest(d.answer_histogram) with ordinality h(n, i)
             where d.agent_id = any(:agents) and h.n > 0""";
    /** Ringing (claim to answer or end) and talking (answer to end) of every agentcall, cut at UTC midnight. */
    static final String RAW_RINGING_AND_TALKING = """
            with intervals as (
                select agent_id, 'ringing' as what, tm_create at time zone 'UTC' as a, coalesce(tm_answer, tm_end) at time zone 'UTC' as b
                  from agent_calls where agent_id = any(:agents)
                union all
                select agent_id, 'busy', tm_answer at time zone 'UTC', tm_end at time zone 'UTC'
                  from agent_calls where agent_id = any(:agents) and status = 'completed'),
            shares as (
                select agent_id, what, d::date as day, least(b, d + interval '1 day') - greatest(a, d) as part
                  from intervals, generate_series(date_trunc('day', a), b, interval '1 day') d)
            select agent_id || ' ' || day, coalesce(sum(%1$s) filter (where what = 'ringing'), 0),
                   coalesce(sum(%1$s) filter (where what = 'busy'), 0)
              from shares where part > interval '0' group by 1""".formatted(MS.formatted("part"));

    static final String ROLLUP_RINGING_AND_BUSY = """
            select agent_id || ' ' || day, ringing_ms, busy_ms from agent_stat_days
             where agent_id = any(:agents) and ringing_ms + busy_ms > 0""";
    static final String ROLLUP_STATUS_TOTAL = """
            select agent_id || ' ' || day, available_ms + ringing_ms + busy_ms + wrapup_ms + away_ms + offline_ms
              from agent_stat_days where agent_id = any(:agents)""";
    /** The three agents together: counts, talk time, and the exact nearest-rank p50 and p90 of the times to answer. */
    static final String RAW_TOTAL =
            """
            select 'all', count(*), count(c.tm_answer), count(*) filter (where c.status = 'no_answer'),
                   count(*) filter (where c.status = 'canceled'), count(*) filter (where c.status = 'failed'),
                   coalesce(sum(%2$s) filter (where c.status = 'completed'), 0),
                   percentile_disc(0.5) within group (order by %1$s) filter (where c.tm_answer is not null),
                   percentile_disc(0.9) within group (order by %1$s) filter (where c.tm_answer is not null)
              from agent_calls c where c.agent_id = any(:agents)""".formatted(MS.formatted("c.tm_answer - c.tm_create"), MS.formatted("c.tm_end - c.tm_answer"));

    /** Rows keyed by their first column, the rest as numbers. */
    @Transactional
    @SuppressWarnings("unchecked")
    Map<String, List<Long>> rows(String sql, List<UUID> agents) {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (Object[] row : (List<Object[]>) db.createNativeQuery(sql)
                .setParameter("agents", agents.toArray(UUID[]::new))
                .getResultList()) {
            List<Long> values = new ArrayList<>();
            for (int i = 1; i < row.length; i++) {
                values.add(row[i] == null ? null : ((Number) row[i]).longValue());
            }
            rows.put((String) row[0], values);
        }
        return rows;
    }
}
