package io.scimflow.cli.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.TeamSnapshot;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.miroserver.journal.JournalEntry;

/** What "Miro" holds, in a form two runs can be compared by. */
final class PipelineState {

    private PipelineState() {
    }

    /** userName → the account as the target would return it, plus its teams by name. */
    static Map<String, Object> of(LocalMiroScimServer miro) {
        Map<String, String> teamNames = new TreeMap<>();
        for (TeamSnapshot team : miro.teams()) {
            teamNames.put(team.id(), team.displayName());
        }
        Map<String, Object> state = new TreeMap<>();
        for (UserSnapshot user : miro.users()) {
            state.put(user.userName(), Map.of(
                    "resource", user.attributes(),
                    "teams", user.teamIds().stream().map(teamNames::get).sorted().toList()));
        }
        return state;
    }

    static List<JournalEntry> writes(LocalMiroScimServer miro) {
        return miro.journal().stream().filter(j -> !j.method().equals("GET")).toList();
    }
}
