package io.billinghub.extraction.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GenesysUserSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GenesysUserSessions sessions = new GenesysUserSessions(YearMonth.of(2026, 10));

    @Test
    void octoberIsAskedForInFiveWeeksTheLastOneShorter() {
        assertThat(sessions.weeks()).extracting(w -> w[0].toString() + "/" + w[1]).containsExactly(
                "2026-10-01T00:00:00Z/2026-10-08T00:00:00Z", "2026-10-08T00:00:00Z/2026-10-15T00:00:00Z",
                "2026-10-15T00:00:00Z/2026-10-22T00:00:00Z", "2026-10-22T00:00:00Z/2026-10-29T00:00:00Z",
                "2026-10-29T00:00:00Z/2026-11-01T00:00:00Z");
        // Genesys pages user details 100 users at most
        assertThat(GenesysUserSessions.query(JSON, sessions.weeks().get(0), 500, 2)).isEqualTo(
                "{\"interval\":\"2026-10-01T00:00:00Z/2026-10-08T00:00:00Z\",\"order\":\"asc\","
                        + "\"paging\":{\"pageSize\":100,\"pageNumber\":2}}");
    }

    @Test
    void loggedInRecordsInARowMakeOneSessionAndOfflineOrAGapEndsIt() throws Exception {
        // week 1: u1 logged in 08:00-16:30 on 7 October (AVAILABLE then ON_QUEUE); u2 logged in since 30 September
        boolean more = sessions.add(JSON.readTree("""
                {"userDetails": [
                  {"userId": "u1", "primaryPresence": [
                    {"startTime": "2026-10-07T08:00:00Z", "endTime": "2026-10-07T08:15:00Z",
                     "systemPresence": "AVAILABLE"},
                    {"startTime": "2026-10-07T08:15:00Z", "endTime": "2026-10-07T16:30:00Z",
                     "systemPresence": "ON_QUEUE"},
                    {"startTime": "2026-10-07T16:30:00Z", "endTime": "2026-10-08T07:55:00Z",
                     "systemPresence": "OFFLINE"}]},
                  {"userId": "u2", "primaryPresence": [
                    {"startTime": "2026-09-30T22:00:00Z", "endTime": "2026-10-01T06:00:00Z",
                     "systemPresence": "AVAILABLE"},
                    {"startTime": "2026-10-01T06:00:00Z",
                     "systemPresence": "OFFLINE"}]}]}"""), "page 1");
        // week 2 answers the OFFLINE record spanning the weeks again; then 07:55-12:00, a gap, 12:30-14:00; u3 still
        // ON_QUEUE at the end of the month; a record without a start and a user without an id
        boolean more2 = sessions.add(JSON.readTree("""
                {"userDetails": [
                  {"userId": "u1", "primaryPresence": [
                    {"startTime": "2026-10-07T16:30:00Z", "endTime": "2026-10-08T07:55:00Z",
                     "systemPresence": "OFFLINE"},
                    {"startTime": "2026-10-08T07:55:00Z", "endTime": "2026-10-08T12:00:00Z",
                     "systemPresence": "AVAILABLE"},
                    {"startTime": "2026-10-08T12:30:00Z", "endTime": "2026-10-08T13:00:00Z",
                     "systemPresence": "BUSY"},
                    {"systemPresence": "AVAILABLE"},
                    {"startTime": "2026-10-08T13:00:00Z", "endTime": "2026-10-08T14:00:00Z",
                     "systemPresence": "AWAY"}]},
                  {"userId": "u3", "primaryPresence": [
                    {"startTime": "2026-10-31T22:00:00Z",
                     "systemPresence": "ON_QUEUE"}]},
                  {"primaryPresence": []}]}"""), "page 2");
        boolean more3 = sessions.add(JSON.readTree("{\"totalHits\": 9}"), "page 3");

        assertThat(more).isTrue();
        assertThat(more2).isTrue();
        assertThat(more3).isFalse();
        OrgPage page = sessions.sessions();
        assertThat(page.records()).map(OrgRecord.Session.class::cast)
                .extracting(OrgRecord.Session::sessionId, OrgRecord.Session::userId, OrgRecord.Session::start,
                        OrgRecord.Session::end)
                .containsExactly(
                        tuple("u1@2026-10-07T08:00:00Z", "u1", Instant.parse("2026-10-07T08:00:00Z"),
                                Instant.parse("2026-10-07T16:30:00Z")),
                        tuple("u1@2026-10-08T07:55:00Z", "u1", Instant.parse("2026-10-08T07:55:00Z"),
                                Instant.parse("2026-10-08T12:00:00Z")),
                        tuple("u1@2026-10-08T12:30:00Z", "u1", Instant.parse("2026-10-08T12:30:00Z"),
                                Instant.parse("2026-10-08T14:00:00Z")),
                        // a record still lasting: its session ends with the period
                        tuple("u3@2026-10-31T22:00:00Z", "u3", Instant.parse("2026-10-31T22:00:00Z"),
                                Instant.parse("2026-11-01T00:00:00Z")));
        assertThat(page.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason).containsExactly(
                tuple("page 2 user u1 presence 4", "startTime is missing"),
                tuple("page 2 user 3", "userId is missing"));
        assertThat(page.rejected().get(0).raw()).isEqualTo("{\"systemPresence\":\"AVAILABLE\"}");
    }

    @Test
    void aRecordEndingBeforeItStartsIsRejectedAndAnAnswerWithoutAnArrayFails() throws Exception {
        sessions.add(JSON.readTree("""
                {"userDetails": [{"userId": "u1", "primaryPresence": [
                  {"startTime": "2026-10-07T08:00:00Z", "endTime": "2026-10-07T07:00:00Z",
                     "systemPresence": "BUSY"}]}]}
                """), "page 1");

        assertThat(sessions.sessions().rejected()).extracting(RejectedRecord::reason).containsExactly(
                "the presence ends (2026-10-07T07:00:00Z) before it starts (2026-10-07T08:00:00Z)");
        assertThatThrownBy(() -> sessions.add(JSON.readTree("{\"userDetails\": {}}"), "page 2"))
                .hasMessage("page 2 has userDetails that are not an array");
    }
}
