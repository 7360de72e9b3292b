package io.billinghub.sandbox.cxone;

/** The featureType values of CXone usage lines, in the order invoices list them. */
public enum CxoneFeatureType {
    VOICE_CALL,
    IVR_MINUTES,
    RECORDING_STORAGE,
    LICENSE_AGENT,
    LICENSE_SUPERVISOR;

    public boolean isLicence() {
        return this == LICENSE_AGENT || this == LICENSE_SUPERVISOR;
    }
}
