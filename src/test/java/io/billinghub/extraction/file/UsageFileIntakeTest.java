package io.billinghub.extraction.file;

import static org.apache.camel.builder.Builder.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.sandbox.SftpDropClient;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * A usage (CDR) file dropped over SFTP: streamed, staged by COPY, rated with the fixture rate cards, its bad lines
 * in the exception queue; sent again or corrected, nothing is counted twice.
 *
 * <p>Fixture rates (src/test/resources/e2e/mappings): Bandwidth.com 1415 from 2026-10-16 at 0.0060/min, 6/6;
 * Twilio 1 at 0.0120/min and 44 at 0.0300/min, 60/60; both carriers round costs to 4 decimals, half up.
 * <ul>
 *   <li>F1 Bandwidth.com +14155550101, 95 s: billed 6 + ⌈89/6⌉×6 = 96 s, 0.0060 × 96 / 60 = 0.0096 (PRIMARY)</li>
 *   <li>F2, same call 100 s later, Twilio +12125550123, 61 s: billed 120 s, 0.0120 × 2 = 0.0240 (TRANSFER)</li>
 *   <li>F3 a monitor leg: excluded, nothing billed; F4 Twilio +442071234567, 45 s: billed 60 s, 0.0300</li>
 *   <li>F5 Bandwidth.com +999123: no prefix matches, unrated (a case)</li>
 *   <li>lines 7 and 8: a month 13 and a negative duration, rejected (cases)</li>
 * </ul>
 * Lines 7 = legs 5 + rejected 2; legs 5 = rated 3 + excluded 1 + unrated 1; cost 0.0096 + 0.0240 + 0.0300 = 0.0636.
 */
class UsageFileIntakeTest extends HubIntegrationTest {

    private static final String HEADER = "leg_id,call_id,start_time,end_time,duration_seconds,"
            + "billing_duration_seconds,carrier_name,destination_number,call_type,direction,call_outcome\n";
    private static final String F1 = "F1,FC1,2026-10-20T10:00:00Z,2026-10-20T10:01:35Z,95,95,Bandwidth.com,"
            + "+14155550101,voip,outbound,answered";
    private static final String FILE = HEADER + F1 + "\n"
            + "F2,FC1,2026-10-20T10:01:40Z,2026-10-20T10:02:41Z,61,61,Twilio,+12125550123,voip,outbound,answered\n"
            + "F3,FC2,2026-10-20T11:00:00Z,,30,30,Bandwidth.com,+14155550199,monitor,outbound,answered\n"
            + "F4,FC3,2026-10-21T23:59:30Z,,45,45,Twilio,+442071234567,voip,outbound,answered\n"
            + "F5,FC4,2026-10-22T09:00:00Z,,20,20,Bandwidth.com,+999123,voip,outbound,answered\n"
            + "F6,FC5,2026-13-01T00:00:00Z,,20,20,Twilio,+12125550100,voip,outbound,answered\n"
            + "F7,FC6,2026-10-22T09:00:00Z,,-5,20,Twilio,+12125550100,voip,outbound,answered\n";

    @Test
    void aFileIsStagedRatedAndItsBadLinesQueuedThenSentAgainWithoutDoubleCounting() throws Exception {
        dropUsage("cdr-2026-10.csv", FILE);

        Map<String, Object> run = jdbc.queryForMap(
                "select status, records_in, records_accepted, records_rejected from pipeline_run");
        assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("records_in", 7L)
                .containsEntry("records_accepted", 5L).containsEntry("records_rejected", 2L);
        assertThat(filesIn("usage/acme-contact/done")).isEqualTo(1L);
        // each leg is staged beside its rating, its line as the file gave it; none in usage_leg (the APIs' legs)
        assertThat(jdbc.queryForObject("select raw_payload from rated_leg where leg_id = 'F1'", String.class))
                .isEqualTo(F1);
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isZero();
        assertThat(jdbc.queryForList("select leg_id || ' ' || rating_status || ' ' || coalesce(leg_role, '-') || ' '"
                + " || billed_seconds || ' ' || coalesce(cost::text, '-') from rated_leg order by leg_id",
                String.class)).containsExactly(
                "F1 RATED PRIMARY 96 0.009600", "F2 RATED TRANSFER 120 0.024000", "F3 EXCLUDED - 0 -",
                "F4 RATED PRIMARY 60 0.030000", "F5 UNRATED PRIMARY 20 -");
        assertThat(jdbc.queryForObject("select sum(cost) from rated_leg", BigDecimal.class))
                .isEqualByComparingTo("0.0636");
        assertThat(cases()).containsExactly(
                "MALFORMED_RECORD line 7: start_time '2026-13-01T00:00:00Z' is not an ISO-8601 instant with Z or an"
                        + " offset",
                "MALFORMED_RECORD line 8: duration_seconds '-5' is not a whole number of seconds >= 0",
                "UNRATED_LEG leg F5: leg F5 unrated (NO_RATE): no rate card row of carrier 'Bandwidth.com' matches"
                        + " +999123 on 2026-10-22");
        assertThat(new String(jdbc.queryForObject("select payload from exception_item where source_position = "
                + "'line 8'", byte[].class), StandardCharsets.UTF_8)).startsWith("F7,FC6,");

        // the same content under another name: taken (another name), but every leg is unchanged and no case is new
        dropUsage("cdr-2026-10-resent.csv", FILE);
        assertThat(jdbc.queryForObject("select count(*) from rated_leg", Long.class)).isEqualTo(5L);
        assertThat(jdbc.queryForObject("select sum(cost) from rated_leg", BigDecimal.class))
                .isEqualByComparingTo("0.0636");
        assertThat(cases()).hasSize(3);
        assertThat(jdbc.queryForObject("select details ->> 'unchanged' from run_phase where phase like 'stage %"
                + "resent.csv'", String.class)).isEqualTo("5");

        // a correction: F1 lasted 130 s (billed 132 s: 0.0060 × 132 / 60 = 0.0132), and a new leg F8 (Twilio
        // +12125550111, 30 s: billed 60 s, 0.0120): one leg updated, one inserted by COPY, the total 0.0636 -
        // 0.0096 + 0.0132 + 0.0120 = 0.0792
        String corrected = HEADER + F1.replace(",95,95,", ",130,130,") + "\n"
                + "F8,FC7,2026-10-23T08:00:00Z,,30,30,Twilio,+12125550111,voip,outbound,answered\n";
        dropUsage("cdr-2026-10-corrections.csv", corrected);
        assertThat(jdbc.queryForObject("select details ->> 'inserted' || '/' || (details ->> 'updated') from"
                + " run_phase where phase like 'stage %corrections.csv'", String.class)).isEqualTo("1/1");
        assertThat(jdbc.queryForObject("select cost from rated_leg where leg_id = 'F1'", BigDecimal.class))
                .isEqualByComparingTo("0.0132");
        assertThat(jdbc.queryForObject("select sum(cost) from rated_leg", BigDecimal.class))
                .isEqualByComparingTo("0.0792");
        assertThat(jdbc.queryForObject("select count(*) from rated_leg", Long.class)).isEqualTo(6L);
        assertThat(jdbc.queryForObject("select duration_seconds || ' ' || raw_payload from rated_leg"
                + " where leg_id = 'F1'", String.class)).isEqualTo("130 " + F1.replace(",95,95,", ",130,130,"));
    }

    @Test
    void aLegTwiceInOneFileIsStagedOnceAndItsLaterLineWins() throws Exception {
        // F4 (Twilio +44, 60/60 at 0.0300/min) first with 45 s (billed 60 s: 0.0300), then corrected further down
        // the same file to 100 s (billed 120 s: 0.0600); F2 beside it, 61 s (billed 120 s at 0.0120: 0.0240)
        String f4 = "F4,FC3,2026-10-21T23:59:30Z,,45,45,Twilio,+442071234567,voip,outbound,answered";
        dropUsage("cdr-2026-10-twice.csv", HEADER + f4 + "\n"
                + "F2,FC1,2026-10-20T10:01:40Z,2026-10-20T10:02:41Z,61,61,Twilio,+12125550123,voip,outbound,answered\n"
                + f4.replace(",45,45,", ",100,100,") + "\n");

        assertThat(jdbc.queryForObject("select details ->> 'inserted' || '/' || (details ->> 'updated') || '/'"
                + " || (details ->> 'unchanged') from run_phase where phase like 'stage %'", String.class))
                .isEqualTo("2/1/0");
        assertThat(jdbc.queryForList("select leg_id || ' ' || duration_seconds || ' ' || cost from rated_leg"
                + " order by leg_id", String.class)).containsExactly("F2 61 0.024000", "F4 100 0.060000");
    }

    @Test
    void aFileReconcilesTheDaysAlreadyInvoicedAndNoOthers() throws Exception {
        // Twilio's invoice came first, billing F2 (the 20th) and F4 (the 21st); the file then brings legs of the
        // 20th, 21st and 22nd (F5, Bandwidth.com, which sent no invoice): the 20th and 21st are reconciled again
        NotifyBuilder invoiced = new NotifyBuilder(camel).fromRoute("carrier-invoices-twilio").whenDone(1).create();
        drop("twilio", "twilio-2026-10.csv", """
                record_type,invoice_number,leg_reference,destination_number,start_time,minutes,charge
                LINE,TW-2026-10,F2,+12125550123,2026-10-20T10:01:40Z,2,0.0240
                LINE,TW-2026-10,F4,+442071234567,2026-10-21T23:59:30Z,1,0.0300
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(invoiced.matches(60, TimeUnit.SECONDS)).isTrue();

        dropUsage("cdr-2026-10.csv", FILE);

        JsonNode details = json.readTree(jdbc.queryForObject("""
                select p.details::text from run_phase p join pipeline_run r on r.run_id = p.run_id
                where r.pipeline = 'usage-file-intake' and p.phase = 'reconcile invoice days'""", String.class));
        // both candidates wait: the API tenant acme-contact has not extracted those days yet (no extraction window)
        List<String> days = new ArrayList<>();
        details.path("daysNotReady").forEach(day -> days.add(day.asText()));
        assertThat(days).containsExactly("2026-10-20", "2026-10-21");
        assertThat(details.path("daysReconciled").asInt()).isZero();
    }

    @Test
    void anUnratedFileLegIsReplayedByItsLegIdNotByParsingItsLine() throws Exception {
        dropUsage("cdr-2026-10.csv", FILE);
        long caseId = jdbc.queryForObject("select id from exception_item where type = 'UNRATED_LEG'", Long.class);

        // the rate cards still have no row for +999: the replay re-rates F5 and the case stays open with that reason
        JsonNode replay = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}").body());
        assertThat(replay.path("succeeded").asBoolean()).isFalse();
        assertThat(replay.path("message").asText()).contains("leg F5 still cannot be rated: {NO_RATE=1}");
        // re-rated on its own, it keeps the role it was given with its call and the line it was staged from
        assertThat(jdbc.queryForObject("select leg_role || ' ' || rating_status || ' ' || raw_payload from rated_leg"
                + " where leg_id = 'F5'", String.class)).isEqualTo(
                "PRIMARY UNRATED F5,FC4,2026-10-22T09:00:00Z,,20,20,Bandwidth.com,+999123,voip,outbound,answered");
    }

    @Test
    void aFileWithoutTheRequiredColumnsStagesNothing() throws Exception {
        dropUsage("cdr-bad.csv", "leg_id,call_id,start_time\nX1,C1,2026-10-20T10:00:00Z\n");

        assertThat(jdbc.queryForObject("select count(*) from rated_leg", Long.class)).isZero();
        assertThat(filesIn("usage/acme-contact/error")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select reason from exception_item", String.class))
                .contains("the header lacks the required column(s) [duration_seconds, billing_duration_seconds]");
    }

    private List<String> cases() {
        return jdbc.queryForList("select type || ' ' || source_position || ': ' || reason from exception_item"
                + " where status = 'OPEN' order by type, source_position", String.class);
    }

    private void dropUsage(String name, String content) throws IOException {
        // this file's exchange: a poll that lists the previous file once more before it is moved ends at once
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("usage-files-acme-contact")
                .filter(header(Exchange.FILE_NAME_ONLY).isEqualTo(name)).whenDone(1).create();
        SftpDropClient.drop("localhost", SFTP_PORT, SFTP_USER, SFTP_PASSWORD, KNOWN_HOSTS, "usage/acme-contact/inbox",
                name, content.getBytes(StandardCharsets.UTF_8));
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("the usage file route finished").isTrue();
    }
}
