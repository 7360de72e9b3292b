package io.billinghub.referencedata.chargeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.GenesysResourceAttribute;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.HrisCostCentre;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.MultiplierVersion;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.Multipliers;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.ResourceType;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of each chargeback reference version in SQL (multipliers as JSON, as approved). */
@Repository
public class ChargebackReferenceStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ChargebackReferenceStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(long v, ChargebackReferenceData data) {
        jdbc.batchUpdate("""
                insert into ref_hris_cost_centre (version_id, line_no, division, cost_centre, business_unit, name,
                    valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?)""", data.costCentres(), 500, (ps, c) -> {
            ps.setLong(1, v);
            ps.setInt(2, c.lineNo());
            ps.setString(3, c.division());
            ps.setString(4, c.costCentre());
            ps.setString(5, c.businessUnit());
            ps.setString(6, c.name());
            ps.setObject(7, c.period().from());
            ps.setObject(8, c.period().to());
        });
        jdbc.batchUpdate("""
                insert into ref_multiplier_version (version_id, version, effective_date, deprecation_date, approver_id,
                    checksum, multipliers) values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""", data.versions(), 50,
                (ps, m) -> {
                    ps.setLong(1, v);
                    ps.setString(2, m.version());
                    ps.setObject(3, m.effectiveDate());
                    ps.setObject(4, m.deprecationDate());
                    ps.setString(5, m.approverId());
                    ps.setString(6, m.checksum());
                    ps.setString(7, write(m.multipliers()));
                });
        jdbc.batchUpdate("""
                insert into ref_genesys_resource_attribute (version_id, line_no, resource_type, resource_id,
                    resource_name, attribute, value, effective_from, effective_to)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", data.genesysAttributes(), 500, (ps, a) -> {
                    ps.setLong(1, v);
                    ps.setInt(2, a.lineNo());
                    ps.setString(3, a.resourceType().name());
                    ps.setString(4, a.resourceId());
                    ps.setString(5, a.resourceName());
                    ps.setString(6, a.attribute());
                    ps.setString(7, a.value());
                    ps.setObject(8, a.period().from());
                    ps.setObject(9, a.period().to());
                });
    }

    ChargebackReferenceData load(long v) {
        return new ChargebackReferenceData(
                jdbc.query("""
                        select line_no, division, cost_centre, business_unit, name, valid_from, valid_to
                        from ref_hris_cost_centre where version_id = ? order by line_no""",
                        (rs, i) -> new HrisCostCentre(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), new EffectivePeriod(rs.getObject(6, LocalDate.class),
                                rs.getObject(7, LocalDate.class))), v),
                jdbc.query("""
                        select version, effective_date, deprecation_date, approver_id, checksum, multipliers
                        from ref_multiplier_version where version_id = ? order by effective_date""",
                        (rs, i) -> new MultiplierVersion(rs.getString(1), rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                                read(rs.getString(6))), v),
                jdbc.query("""
                        select line_no, resource_type, resource_id, resource_name, attribute, value, effective_from,
                            effective_to
                        from ref_genesys_resource_attribute where version_id = ? order by line_no""",
                        (rs, i) -> new GenesysResourceAttribute(rs.getInt(1), ResourceType.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                new EffectivePeriod(rs.getObject(7, LocalDate.class),
                                        rs.getObject(8, LocalDate.class))), v));
    }

    private String write(Multipliers multipliers) {
        try {
            return json.writeValueAsString(multipliers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Multipliers read(String text) {
        try {
            return json.readValue(text, Multipliers.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored multipliers unreadable", e);
        }
    }
}
