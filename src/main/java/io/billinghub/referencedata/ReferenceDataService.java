package io.billinghub.referencedata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.SqlTime;
import io.billinghub.security.AuditLog;
import io.billinghub.security.SafeFileNames;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads every reference-data set of the mapping directory into SQL at start and whenever a set's checksum
 * changes. A set is validated as a whole: with any error it is recorded as REJECTED (file, line, reason) and raised
 * in the exception queue, and the version already in force stays in force. Each version is recorded with its
 * checksum.
 */
@Service
public class ReferenceDataService {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataService.class);

    private final Path directory;
    private final List<ReferenceDataset<?>> datasets;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ExceptionQueue exceptions;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;

    public ReferenceDataService(@Value("${hub.reference-data.directory}") String directory,
                                List<ReferenceDataset<?>> datasets, NamedParameterJdbcTemplate jdbc,
                                TransactionTemplate tx, ExceptionQueue exceptions, ObjectMapper json, Clock clock,
                                AuditLog audit) {
        this.directory = Path.of(directory);
        this.datasets = List.copyOf(datasets);
        this.jdbc = jdbc;
        this.tx = tx;
        this.exceptions = exceptions;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /** What a reload did to one set. */
    public record Outcome(String dataset, String result, Long versionId, String checksum,
                          List<ValidationError> errors) {
    }

    @PostConstruct
    void loadAtStart() {
        for (ReferenceDataset<?> dataset : datasets) {
            activeVersionId(dataset.name()).ifPresent(id -> activateStored(dataset, id));
        }
        reloadIfChanged();
    }

    /** Compares each set's files with the version in force and loads the sets that changed. */
    public synchronized List<Outcome> reloadIfChanged() {
        List<Outcome> outcomes = new ArrayList<>();
        for (ReferenceDataset<?> dataset : datasets) {
            outcomes.add(reload(dataset));
        }
        return outcomes;
    }

    private <T> void activateStored(ReferenceDataset<T> dataset, long versionId) {
        dataset.activate(versionId, dataset.load(versionId));
    }

    private <T> Outcome reload(ReferenceDataset<T> dataset) {
        Map<String, byte[]> files = new TreeMap<>();
        List<ValidationError> errors = new ArrayList<>();
        for (String name : dataset.files()) {
            Path file = directory.resolve(SafeFileNames.require(name));
            try {
                if (Files.isRegularFile(file)) {
                    files.put(name, Files.readAllBytes(file));
                }
            } catch (IOException e) {
                errors.add(new ValidationError(name, 0, "cannot be read: " + e.getMessage()));
            }
        }
        Map<String, String> fileChecksums = new LinkedHashMap<>();
        StringBuilder setText = new StringBuilder();
        files.forEach((name, content) -> {
            String sum = Checksums.sha256(content);
            fileChecksums.put(name, sum);
            setText.append(name).append('\0').append(sum).append('\n');
        });
        String checksum = Checksums.sha256(setText.toString());
        String name = dataset.name();

        Optional<Long> activeId = activeVersionId(name);
        if (activeId.isPresent() && checksum.equals(checksumOf(activeId.get()))) {
            return new Outcome(name, "UNCHANGED", activeId.get(), checksum, List.of());
        }
        Optional<Long> alreadyRejected = versionWith(name, checksum, "REJECTED");
        if (alreadyRejected.isPresent()) {
            return new Outcome(name, "REJECTED", alreadyRejected.get(), checksum, List.of());
        }
        T data = errors.isEmpty() ? dataset.parse(files, errors) : null;
        if (!errors.isEmpty()) {
            long id = insertVersion(name, checksum, fileChecksums, "REJECTED", errors);
            ValidationError first = errors.get(0);
            exceptions.raise(NewException.of(ExceptionType.REFERENCE_DATA_REJECTED,
                            "reference set " + name + " rejected with " + errors.size() + " error(s); version "
                                    + activeId.map(String::valueOf).orElse("(none)") + " stays in force. First: "
                                    + first)
                    .pipeline("reference-data")
                    .source(directory.resolve(first.file()).toString(), "line " + first.line())
                    .dedupeKey(name + ":" + checksum)
                    .context("dataset", name)
                    .context("versionId", id)
                    .context("errors", errors.stream().map(ValidationError::toString).toList())
                    .build());
            LOG.warn("Reference set {} rejected ({} errors), version {} stays in force: {}", name, errors.size(),
                    activeId.orElse(null), errors);
            audit.record("reference-data.rejected", "reference_data_version", String.valueOf(id), Map.of("dataset",
                    name, "checksum", checksum, "errors", String.valueOf(errors.size())));
            return new Outcome(name, "REJECTED", id, checksum, List.copyOf(errors));
        }
        long id = tx.execute(status -> {
            jdbc.update("""
                    update reference_data_version set status = 'SUPERSEDED', superseded_at = :now
                    where dataset = :dataset and status = 'ACTIVE'""",
                    new MapSqlParameterSource("dataset", name).addValue("now", SqlTime.utc(clock.instant())));
            long versionId = insertVersion(name, checksum, fileChecksums, "ACTIVE", List.of());
            dataset.store(versionId, data);
            return versionId;
        });
        dataset.activate(id, data);
        audit.record("reference-data.activated", "reference_data_version", String.valueOf(id), Map.of("dataset",
                name, "checksum", checksum));
        LOG.info("Reference set {} version {} in force ({}, checksum {})", name, id, dataset.rowCounts(data),
                checksum);
        return new Outcome(name, "ACTIVATED", id, checksum, List.of());
    }

    /** Every version, newest first, each with what changed against the accepted version before it. */
    public List<ReferenceVersion> versions() {
        List<ReferenceVersion> oldestFirst = new ArrayList<>();
        Map<String, ReferenceVersion> lastAccepted = new HashMap<>();
        jdbc.query("""
                select v.id, v.dataset, v.checksum, v.status, v.files::text as files, v.errors::text as errors,
                    v.loaded_at, v.activated_at, v.superseded_at,
                    (select a.actor from audit_event a where a.subject_type = 'reference_data_version'
                        and a.subject_id = v.id::text order by a.id limit 1) as loaded_by
                from reference_data_version v order by v.id""", rs -> {
            String dataset = rs.getString("dataset");
            JsonNode files = readTree(rs.getString("files"));
            ReferenceVersion before = lastAccepted.get(dataset);
            ReferenceVersion version = new ReferenceVersion(rs.getLong("id"), dataset, rs.getString("checksum"),
                    rs.getString("status"), files, readTree(rs.getString("errors")), SqlTime.instant(rs, "loaded_at"),
                    SqlTime.instant(rs, "activated_at"), SqlTime.instant(rs, "superseded_at"),
                    rs.getString("loaded_by"), ReferenceVersion.Changes.between(before == null ? null : before.id(),
                    before == null ? null : before.files(), files));
            oldestFirst.add(version);
            if (!"REJECTED".equals(version.status())) {
                lastAccepted.put(dataset, version);
            }
        });
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private long insertVersion(String dataset, String checksum, Map<String, String> files, String status,
                               List<ValidationError> errors) {
        MapSqlParameterSource p = new MapSqlParameterSource("dataset", dataset)
                .addValue("checksum", checksum)
                .addValue("files", write(files))
                .addValue("status", status)
                .addValue("errors", write(errors.stream().map(e -> Map.of("file", e.file(), "line", e.line(),
                        "reason", e.reason())).toList()))
                .addValue("now", SqlTime.utc(clock.instant()));
        return jdbc.queryForObject("""
                insert into reference_data_version (dataset, checksum, files, status, errors, loaded_at, activated_at)
                values (:dataset, :checksum, cast(:files as jsonb), :status, cast(:errors as jsonb), :now,
                    case when :status = 'ACTIVE' then cast(:now as timestamptz) end)
                returning id""", p, Long.class);
    }

    private Optional<Long> activeVersionId(String dataset) {
        return versionWith(dataset, null, "ACTIVE");
    }

    private Optional<Long> versionWith(String dataset, String checksum, String status) {
        return jdbc.query("""
                select id from reference_data_version
                where dataset = :dataset and status = :status
                  and (cast(:checksum as text) is null or checksum = :checksum)
                order by id desc limit 1""",
                new MapSqlParameterSource("dataset", dataset).addValue("status", status)
                        .addValue("checksum", checksum), (rs, i) -> rs.getLong(1)).stream().findFirst();
    }

    private String checksumOf(long versionId) {
        return jdbc.queryForObject("select checksum from reference_data_version where id = :id",
                new MapSqlParameterSource("id", versionId), String.class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
