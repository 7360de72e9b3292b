package io.billinghub.security;

import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.extraction.webex.WebexProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies {@link OutboundTlsPolicy} to every configured vendor and ERP URL while the context starts, so a hub that
 * would talk plain http to a vendor or the ERP never starts its routes.
 */
@Component
public class OutboundTlsCheck {

    public OutboundTlsCheck(SecurityProperties security, TelephonyProperties telephony, CxoneProperties cxone,
                            WebexProperties webex, @Value("${hub.erp.url}") String erpUrl) {
        if (security.requireTls()) {
            OutboundTlsPolicy.enforce(urls(telephony, cxone, webex, erpUrl));
        }
    }

    /** Every outbound URL by the name of its setting. */
    static Map<String, String> urls(TelephonyProperties telephony, CxoneProperties cxone, WebexProperties webex,
                                    String erpUrl) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 0; i < telephony.tenants().size(); i++) {
            urls.put("hub.telephony.tenants[" + i + "].base-url", telephony.tenants().get(i).baseUrl());
            urls.put("hub.telephony.tenants[" + i + "].token-url", telephony.tenants().get(i).tokenUrl());
        }
        for (int i = 0; i < cxone.tenants().size(); i++) {
            // a PUBLISHED tenant is reached through its issuer (token, API discovery) and the discovered host
            if (cxone.tenants().get(i).published()) {
                urls.put("hub.cxone.tenants[" + i + "].issuer", cxone.tenants().get(i).issuer());
            } else {
                urls.put("hub.cxone.tenants[" + i + "].base-url", cxone.tenants().get(i).baseUrl());
                urls.put("hub.cxone.tenants[" + i + "].token-url", cxone.tenants().get(i).tokenUrl());
            }
        }
        for (int i = 0; i < webex.partners().size(); i++) {
            urls.put("hub.webex.partners[" + i + "].base-url", webex.partners().get(i).baseUrl());
            urls.put("hub.webex.partners[" + i + "].token-url", webex.partners().get(i).tokenUrl());
        }
        urls.put("hub.erp.url", erpUrl);
        return urls;
    }
}
