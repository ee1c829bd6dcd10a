package org.postdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postdesk.config.SecretBox;
import org.postdesk.oauth.DeviceCode;
import org.postdesk.oauth.Provider;
import org.postdesk.oauth.TokenClient;
import org.postdesk.oauth.TokenRefusedException;
import org.postdesk.oauth.TokenResponse;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.OAuthGrant;
import org.postdesk.store.OAuthRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk mailbox oauth NAME}: signs the mailbox in with OAuth2 (XOAUTH2 for IMAP and SMTP), by the device
 * flow (a URL and a code to type on any device; no browser on the server) or with a refresh token from a file.
 */
@Command(name = "oauth", mixinStandardHelpOptions = true,
        description = {"Sign a mailbox in with OAuth2 (Gmail, Microsoft 365, or any provider by its token endpoint).",
            "Without --refresh-token-file, prints a URL and a code to enter there, and waits for the sign-in."},
        footer = {"", "Examples:",
            "  postdesk mailbox oauth support --provider google --client-id 123.apps.googleusercontent.com"
                + " --client-secret-env GOOGLE_SECRET",
            "  postdesk mailbox oauth support --provider microsoft --tenant contoso.onmicrosoft.com --client-id 0f3c...",
            "  postdesk mailbox oauth support --provider custom --token-endpoint https://idp/token --scope mail"
                + " --client-id pd --refresh-token-file /root/rt.txt"})
final class MailboxOAuthCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Option(names = "--provider", required = true, paramLabel = "google|microsoft|custom")
    private String provider;

    @Option(names = "--client-id", required = true, description = "The OAuth2 client (application) id.")
    private String clientId;

    @Option(names = "--client-secret-env", paramLabel = "VAR",
            description = "Read the client secret from environment variable VAR (Google needs one; public clients do not).")
    private String clientSecretEnv;

    @Option(names = "--tenant", description = "Microsoft: the directory (tenant) id or domain (default organizations).")
    private String tenant;

    @Option(names = "--token-endpoint", paramLabel = "URL", description = "custom (or to override): the token endpoint.")
    private String tokenEndpoint;

    @Option(names = "--device-endpoint", paramLabel = "URL",
            description = "custom (or to override): the device authorization endpoint.")
    private String deviceEndpoint;

    @Option(names = "--scope", description = "The scope to ask for (default: the provider's IMAP and SMTP scope).")
    private String scope;

    @Option(names = "--refresh-token-file", paramLabel = "FILE",
            description = "Use the refresh token in the first line of FILE instead of signing in now.")
    private Path refreshTokenFile;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = PostdeskCommand.context(spec);
        Database db = context.database();
        Mailbox mailbox = new MailboxRepository(db.dsl()).byName(name)
                .orElseThrow(() -> new UsageException("no mailbox named " + name + " (see: postdesk mailbox list)"));
        Provider p;
        try {
            p = Provider.of(provider, tenant, tokenEndpoint, deviceEndpoint, scope);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String secret = clientSecretEnv == null ? null : PasswordOptions.read("--client-secret", clientSecretEnv,
                null, context.environment());
        TokenClient client = new TokenClient();
        PrintWriter out = spec.commandLine().getOut();
        TokenResponse tokens;
        try {
            String refresh = refreshTokenFile != null ? readRefreshToken() : null;
            tokens = refresh != null ? withRefreshToken(client, p, secret, refresh) : deviceFlow(client, p, secret, out);
        } catch (TokenRefusedException e) {
            throw new UsageException("mailbox " + name + ": the provider refused: " + e.getMessage());
        }
        save(db, context.secrets(), mailbox, p, secret, tokens);
        out.printf("mailbox %s signs in with OAuth2 (%s) from now on; the running daemon uses it at its next"
                + " connection%n", name, p.name());
        return ExitCodes.OK;
    }

    private String readRefreshToken() {
        try {
            String token = Files.readString(refreshTokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            if (token.isEmpty()) {
                throw new UsageException("--refresh-token-file " + refreshTokenFile + ": the file is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UsageException("--refresh-token-file " + refreshTokenFile + ": cannot read: " + e.getMessage());
        }
    }

    /** The refresh token is tried at once, so a wrong one is refused now and not at the daemon's next login. */
    private TokenResponse withRefreshToken(TokenClient client, Provider p, String secret, String refresh) {
        TokenResponse t = client.refresh(p.tokenEndpoint(), clientId, secret, refresh, p.scope());
        return t.refreshTokenOrNull() != null ? t : new TokenResponse(t.accessToken(), t.expiresIn(), refresh);
    }

    private TokenResponse deviceFlow(TokenClient client, Provider p, String secret, PrintWriter out)
            throws InterruptedException {
        if (p.deviceEndpoint() == null) {
            throw new UsageException("--provider " + p.name() + " has no device endpoint: give --device-endpoint URL"
                    + " or --refresh-token-file FILE");
        }
        DeviceCode code = client.startDevice(p.deviceEndpoint(), clientId, p.scope());
        out.printf("To sign in mailbox %s, open %s on any device and enter the code %s%n", name,
                code.verificationUri(), code.userCode());
        out.printf("Waiting for the sign-in (up to %d minutes)...%n", code.expiresIn().toMinutes());
        out.flush();
        Instant end = Clock.systemUTC().instant().plus(code.expiresIn());
        long interval = Math.max(1, code.interval().toSeconds());
        while (Clock.systemUTC().instant().isBefore(end)) {
            Thread.sleep(interval * 1000); // RFC 8628 §3.5: poll no faster than the interval
            try {
                Optional<TokenResponse> t = client.pollDevice(p.tokenEndpoint(), clientId, secret, code.deviceCode());
                if (t.isPresent()) {
                    if (t.get().refreshTokenOrNull() == null) {
                        throw new UsageException("the provider gave no refresh token: ask for offline access in --scope");
                    }
                    return t.get();
                }
            } catch (TokenClient.SlowDownException e) {
                interval += 5;
            }
        }
        throw new UsageException("mailbox " + name + ": the code expired before anyone signed in; run the command again");
    }

    private void save(Database db, SecretBox secrets, Mailbox mailbox, Provider p, String secret, TokenResponse t) {
        Instant now = Instant.now();
        new OAuthRepository(db.dsl()).save(new OAuthGrant(mailbox.id(), p.name(), clientId,
                secret == null ? null : secrets.encrypt(secret), p.tokenEndpoint(), p.scope(),
                secrets.encrypt(t.refreshTokenOrNull()), secrets.encrypt(t.accessToken()), now.plus(t.expiresIn()),
                OAuthGrant.OK, null, now));
    }
}
