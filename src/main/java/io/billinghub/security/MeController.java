package io.billinghub.security;

import java.util.List;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is and every role they hold (those below their own included): the console shows what they may do. */
@RestController
public class MeController {

    private static final String PREFIX = "ROLE_";

    public record Me(String username, List<HubRole> roles) {
    }

    private final RoleHierarchy roles;

    public MeController(RoleHierarchy roles) {
        this.roles = roles;
    }

    @GetMapping("/api/me")
    public Me me(Authentication user) {
        return new Me(user.getName(), roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PREFIX))
                .map(authority -> HubRole.valueOf(authority.substring(PREFIX.length())))
                .sorted()
                .toList());
    }
}
