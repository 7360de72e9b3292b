package io.billinghub.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A carrier leg as rating left it; {@code cost} is null for an unrated leg. */
public record InternalLeg(String legId, String carrierName, LocalDate utcDay, String legClass, BigDecimal billedMinutes,
                          BigDecimal cost) {

    /** The class of a leg that carries a carrier charge. */
    static final String CARRIER = "CARRIER";

    boolean isCarrierLeg() {
        return CARRIER.equals(legClass);
    }
}
