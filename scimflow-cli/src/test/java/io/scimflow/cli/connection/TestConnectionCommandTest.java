package io.scimflow.cli.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.scimflow.cli.support.CliRun;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestConnectionCommandTest {

    private static LocalMiroScimServer miro;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMiro() {
        miro = LocalMiroScimServer.start(MiroServerSettings.builder().token("right-token").rateLimitsEnabled(false).build());
    }

    @AfterAll
    static void stopMiro() {
        miro.close();
    }

    private Path tokenFile(String token) throws Exception {
        return Files.writeString(dir.resolve("token"), token + "\n");
    }

    @Test
    void theRightUrlAndTokenPassWithTheEntraStyleProbe() throws Exception {
        miro.clearJournal();

        CliRun.Result result = CliRun.run("test-connection", "--url", miro.baseUrl(), "--token-file", tokenFile("right-token").toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Testing " + miro.baseUrl()).contains("OK:").doesNotContain("right-token");
        assertThat(miro.journal()).extracting(JournalEntry::endpoint).containsExactly("GET /Users");
        assertThat(miro.journal().get(0).query()).contains("scimflow-test-");
    }

    @Test
    void aWrongTokenFailsAndSaysSo() throws Exception {
        CliRun.Result result = CliRun.run("test-connection", "--url", miro.baseUrl(), "--token-file", tokenFile("wrong-token").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("FAILED (UNAUTHORIZED)");
    }

    @Test
    void aWrongBasePathIsNotFound() throws Exception {
        CliRun.Result result = CliRun.run("test-connection", "--url", "http://127.0.0.1:" + miro.port() + "/scim/v2",
                "--token-file", tokenFile("right-token").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("FAILED (NOT_FOUND)");
    }

    @Test
    void aTokenIsRequiredAndOnlyOneSource() throws Exception {
        CliRun.Result none = CliRun.run("test-connection", "--url", miro.baseUrl());
        CliRun.Result both = CliRun.run("test-connection", "--url", miro.baseUrl(), "--token-env", "HOME",
                "--token-file", tokenFile("x").toString());
        CliRun.Result emptyVariable = CliRun.run("test-connection", "--url", miro.baseUrl(), "--token-env", "SCIMFLOW_SURELY_UNSET_VARIABLE");

        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing the token: --token-env VARIABLE");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("either --token-env or --token-file, not both");
        assertThat(emptyVariable.exit()).isEqualTo(2);
        assertThat(emptyVariable.err()).contains("SCIMFLOW_SURELY_UNSET_VARIABLE").contains("not set or empty");
    }

    @Test
    void aMalformedUrlIsRejectedBeforeAnyRequest() throws Exception {
        CliRun.Result result = CliRun.run("test-connection", "--url", "miro.com/api/v1/scim", "--token-file", tokenFile("t").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid --url 'miro.com/api/v1/scim'");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun.Result result = CliRun.run("test-connection", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("--url=URL").contains("--token-env=VARIABLE").contains("--token-file=FILE");
    }
}
