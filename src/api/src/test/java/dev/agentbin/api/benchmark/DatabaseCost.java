package dev.agentbin.api.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the database server spent, read before and after a piece of work: statements and their time from
 * pg_stat_statements (execution plus planning, this database only), and the CPU time of every process of the
 * server from /proc (the postmaster, which holds the time of the backends it has reaped, and its live
 * children: backends, WAL writer, checkpointer), which also covers what pg_stat_statements leaves out (the
 * protocol, parse and bind, commit). The CPU figure is only the work's own on a server nothing else uses, as
 * benchmarks/capacity.sh starts it, and only when the server runs on this machine.
 */
final class DatabaseCost {

    /** Readings at one moment; {@link #minus} gives what happened between two, {@link #plus} adds such spans. */
    record Reading(long statements, double statementMs, double cpuMs) {
        Reading minus(Reading before) {
            return new Reading(statements - before.statements, statementMs - before.statementMs, cpuMs - before.cpuMs);
        }

        Reading plus(Reading other) {
            return new Reading(statements + other.statements, statementMs + other.statementMs, cpuMs + other.cpuMs);
        }
    }

    /** Clock ticks per second for /proc/<pid>/stat on Linux (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private final Connection connection;
    private final long postmaster;

    DatabaseCost(Connection connection) throws SQLException, IOException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            try (ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
                rows.next();
                this.postmaster = parent(rows.getLong(1));
            }
        }
    }

    Reading read() throws SQLException, IOException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select coalesce(sum(calls), 0), coalesce(sum(total_exec_time + total_plan_time), 0) "
                                + "from pg_stat_statements where dbid = (select oid from pg_database "
                                + "where datname = current_database()) and query not like '%pg_stat_statements%'")) {
            rows.next();
            return new Reading(rows.getLong(1), rows.getDouble(2), serverCpuMs());
        }
    }

    private double serverCpuMs() throws IOException {
        String[] own = stat(postmaster);
        long ticks =
                Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] fields;
                try {
                    fields = stat(Long.parseLong(process.getFileName().toString()));
                } catch (IOException gone) {
                    continue;
                }
                if (Long.parseLong(fields[3]) == postmaster) {
                    ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                }
            }
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long parent(long pid) throws IOException {
        return Long.parseLong(stat(pid)[3]);
    }

    /** The fields of /proc/<pid>/stat, numbered from 0 as proc(5) numbers them from 1; the name may hold spaces. */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = Long.toString(pid);
        fields[1] = "";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }
}
