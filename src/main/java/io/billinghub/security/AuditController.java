package io.billinghub.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: who acknowledged, resolved, replayed, ran, posted and loaded what, and the chain check. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    public List<AuditLog.Event> events(@RequestParam(required = false) String subjectType,
                                       @RequestParam(required = false) String subjectId,
                                       @RequestParam(defaultValue = "100") int limit) {
        return audit.events(subjectType, subjectId, Math.min(Math.max(limit, 1), 1000));
    }

    /** Recomputes the hash chain: whether any event was changed or removed behind the database's back. */
    @GetMapping("/verify")
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}
