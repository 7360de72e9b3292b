package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A bulk load of 50,000 rows or more leaves its tables analysed; a smaller one leaves them to autovacuum. */
class PlannerStatisticsTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        // autovacuum must not analyse behind the test's back
        for (String table : List.of("usage_leg", "rated_leg", "carrier_invoice", "carrier_invoice_line")) {
            jdbc.execute("create table " + table + " (n integer) with (autovacuum_enabled = false)");
            jdbc.execute("insert into " + table + " select generate_series(1, 3)");
        }
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

        PlannerStatistics.refreshAfterLoad(jdbc, 50_000, PlannerStatistics.Load.INVOICE_LINES);
        assertThat(reltuples("carrier_invoice")).isEqualTo(3f);
        assertThat(reltuples("carrier_invoice_line")).isEqualTo(3f);
    }

    private static float reltuples(String table) {
        return jdbc.queryForObject("select reltuples from pg_class where relname = ?", Float.class, table);
    }
}
