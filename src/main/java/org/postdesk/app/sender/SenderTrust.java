package org.postdesk.app.sender;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whom the admin trusts to vouch for a sender: the authserv-ids of receiving servers whose
 * Authentication-Results count ({@code agents.trusted-authserv-ids}) and the host names (or IP
 * addresses) of the mail servers whose Received headers count ({@code agents.trusted-relays}). Both are
 * compared without case. Empty sets trust nobody; DKIM needs no trust configured.
 */
public record SenderTrust(Set<String> authservIds, Set<String> relays) {
    public SenderTrust {
        authservIds = lower(authservIds);
        relays = lower(relays);
    }

    public static SenderTrust none() {
        return new SenderTrust(Set.of(), Set.of());
    }

    boolean trustsAuthserv(String id) {
        return authservIds.contains(id.toLowerCase(Locale.ROOT));
    }

    boolean trustsRelay(String hostOrAddress) {
        return relays.contains(hostOrAddress.toLowerCase(Locale.ROOT));
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
