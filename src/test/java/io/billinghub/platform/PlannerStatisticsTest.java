package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bulk load of 50,000 rows or more leaves its tables analysed, on the hub's own schema, for the columns its queries
 * filter, group or join on; a smaller one leaves them to autovacuum.
 */
class PlannerStatisticsTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        // autovacuum must not analyse behind the test's back
        for (String table : List.of("usage_leg", "rated_leg", "carrier_invoice", "carrier_invoice_line")) {
            jdbc.execute("alter table " + table + " set (autovacuum_enabled = false)");
        }
        // three legs of a usage file and three lines of an invoice (the lines' invoice need not exist: V15)
        jdbc.execute("""
                insert into rated_leg (leg_id, tenant_id, call_id, utc_day, start_time, leg_class, rating_status,
                    carrier_name, destination_region, raw_seconds, billed_seconds, raw_minutes, billed_minutes,
                    rated_at, vendor, raw_payload)
                select 'L' || n, 't', 'C' || n, date '2026-10-01', timestamptz '2026-10-01 10:00Z', 'CARRIER',
                    'RATED', 'Telnyx', 'US', 60, 60, 1, 1, now(), 'file', 'L' || n || ',...'
                from generate_series(1, 3) n""");
        jdbc.execute("""
                insert into carrier_invoice_line (invoice_id, line_no, position, leg_reference, start_time, utc_day,
                    minutes, charge, raw)
                select 1, n, 'line ' || n, 'L' || n, timestamptz '2026-10-01 10:00Z', date '2026-10-01', 1, 0.01,
                    'LINE,...'
                from generate_series(1, 3) n""");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void analysesTheLoadedTablesOnlyAfterABulkLoad() {
        PlannerStatistics.refreshAfterLoad(jdbc, 49_999, PlannerStatistics.Load.FILE_LEGS);
        // reltuples is -1 until a table is first analysed (or vacuumed)
        assertThat(reltuples("rated_leg")).isEqualTo(-1f);

        // a file's legs are staged in rated_leg alone: usage_leg (the APIs' legs) did not change
        PlannerStatistics.refreshAfterLoad(jdbc, 50_000, PlannerStatistics.Load.FILE_LEGS);
        assertThat(reltuples("rated_leg")).isEqualTo(3f);
        assertThat(reltuples("usage_leg")).isEqualTo(-1f);
        assertThat(reltuples("carrier_invoice_line")).isEqualTo(-1f);
        // the columns queries select by, not the leg's text, ids or money
        assertThat(analysedColumns("rated_leg")).containsExactly("carrier_name", "destination_region", "leg_class",
                "rating_status", "utc_day", "vendor");

        PlannerStatistics.refreshAfterLoad(jdbc, 50_000, PlannerStatistics.Load.INVOICE_LINES);
        assertThat(reltuples("carrier_invoice")).isEqualTo(0f);
        assertThat(reltuples("carrier_invoice_line")).isEqualTo(3f);
        assertThat(analysedColumns("carrier_invoice_line")).containsExactly("invoice_id", "leg_day", "leg_reference",
                "utc_day");
    }

    private static float reltuples(String table) {
        return jdbc.queryForObject("select reltuples from pg_class where relname = ?", Float.class, table);
    }

    private static List<String> analysedColumns(String table) {
        return jdbc.queryForList("select attname::text from pg_stats where tablename = ? order by attname",
                String.class, table);
    }
}
