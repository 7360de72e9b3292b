package io.billinghub.platform.web;

import java.sql.ResultSetMetaData;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The rows of a report query (column label → value, as {@code queryForList} gives them) with the query's column
 * labels, which stay known when no row matches: its CSV download still has its header. It is a list of rows, so
 * its JSON is the same array of objects.
 */
public final class ReportRows extends AbstractList<Map<String, Object>> {

    private final List<String> columns;
    private final List<Map<String, Object>> rows;

    private ReportRows(List<String> columns, List<Map<String, Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /** Reads a query's rows and column labels: {@code jdbc.query("select ...", params, ReportRows.extractor())}. */
    public static ResultSetExtractor<ReportRows> extractor() {
        return rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            ColumnMapRowMapper mapper = new ColumnMapRowMapper();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.mapRow(rs, rows.size()));
            }
            return new ReportRows(columns, rows);
        };
    }

    public List<String> columns() {
        return columns;
    }

    @Override
    public Map<String, Object> get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
