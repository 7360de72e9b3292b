package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Reads the dataset on first use, not at start-up: the hub starts whether or not the file is there, and a report
 * needing it fails until it is (a 500 naming the file, retried on the next request).
 */
final class WebexDatasetLoader implements Supplier<WebexUsageDataset> {

    private static final Logger LOG = LoggerFactory.getLogger(WebexDatasetLoader.class);

    private final String location;
    private final String partnerOrgId;
    private final String partnerName;
    private WebexUsageDataset dataset;

    /** @param location "classpath:…" or "file:…" resource URL, or a filesystem path */
    WebexDatasetLoader(String location, String partnerOrgId, String partnerName) {
        this.location = location.trim();
        this.partnerOrgId = partnerOrgId;
        this.partnerName = partnerName;
    }

    /** @throws WebexApiException 500 when the file is missing or malformed */
    @Override
    public synchronized WebexUsageDataset get() {
        if (dataset == null) {
            dataset = load();
        }
        return dataset;
    }

    private WebexUsageDataset load() {
        Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
                ? new DefaultResourceLoader().getResource(location) : new FileSystemResource(location);
        if (!resource.exists()) {
            throw unavailable("not found");
        }
        WebexUsageDataset loaded;
        try (Reader in = new InputStreamReader(resource.getInputStream(), UTF_8)) {
            loaded = WebexUsageDataset.read(in, location);
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable(e.getMessage());
        }
        Set<String> orgs = loaded.orgIds();
        long own = loaded.rows().stream().filter(row -> partnerOrgId.equals(row.get(WebexColumn.PARTNER_ORG_ID)))
                .count();
        LOG.info("Webex sandbox serves {} USER rows of {} from {}: {} of the partner, {} sub-partners",
                loaded.rows().size(), partnerName, location, own, orgs.size() - (orgs.contains(partnerOrgId) ? 1 : 0));
        boolean otherName = loaded.rows().stream()
                .anyMatch(row -> partnerOrgId.equals(row.get(WebexColumn.PARTNER_ORG_ID))
                        && !row.get(WebexColumn.PARTNER_NAME).equals(partnerName));
        if (own == 0 || otherName) {
            LOG.warn("Webex sandbox dataset {} has {} rows of partner-org-id {} named '{}'; check "
                    + "hub.embedded.sandbox.webex.partner-org-id and partner-name", location, own, partnerOrgId,
                    partnerName);
        }
        return loaded;
    }

    private WebexApiException unavailable(String reason) {
        String message = "Webex sandbox dataset " + location + " is not available: " + reason
                + " (hub.embedded.sandbox.webex.report-csv)";
        LOG.error(message);
        return new WebexApiException(500, message);
    }
}
