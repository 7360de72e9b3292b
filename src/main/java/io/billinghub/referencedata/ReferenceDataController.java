package io.billinghub.referencedata;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reference-data versions (accepted and rejected, with checksums and errors) and an immediate reload. */
@RestController
@RequestMapping("/api/reference-data")
public class ReferenceDataController {

    private final ReferenceDataService service;

    public ReferenceDataController(ReferenceDataService service) {
        this.service = service;
    }

    @GetMapping("/versions")
    public List<ReferenceVersion> versions() {
        return service.versions();
    }

    @PostMapping("/reload")
    public List<ReferenceDataService.Outcome> reload() {
        return service.reloadIfChanged();
    }
}
