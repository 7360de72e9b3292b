package io.billinghub.sandbox.org;

/** The generated month of each vendor's tenant, as the sandbox serves them. */
public record OrgMonths(OrgMonth genesys, OrgMonth cxone) {
}
