package io.scimflow.producer.local;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.publish.DirectorySource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API over the local directory. Every change is written back to the YAML file (which
 * stays the source of truth) and published before the answer is sent.
 */
@RestController
@RequestMapping("/api")
class LocalDirectoryController {

    private final DirectorySource source;
    private final Clock clock;

    LocalDirectoryController(DirectorySource source, ObjectProvider<Clock> clock) {
        this.source = source;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/directory")
    Map<String, Object> directory() {
        return DirectoryView.of(local().current());
    }

    @GetMapping("/users/{id}")
    Map<String, Object> user(@PathVariable String id) {
        Directory directory = local().current();
        if (!directory.users().containsKey(id)) {
            throw new DirectoryEdits.NotFound("No user '" + id + "'");
        }
        return DirectoryView.user(directory, id);
    }

    @PostMapping("/users")
    ResponseEntity<Map<String, Object>> createUser(@RequestBody Map<String, Object> attributes) {
        String id = attributes.get("id") != null ? attributes.get("id").toString() : UUID.randomUUID().toString();
        if (local().current().users().containsKey(id)) {
            throw new DirectoryEdits.Invalid("A user '" + id + "' exists already");
        }
        Directory directory = edit(DirectoryEdits.putUser(id, attributes));
        return ResponseEntity.status(HttpStatus.CREATED).body(DirectoryView.user(directory, id));
    }

    @PutMapping("/users/{id}")
    Map<String, Object> putUser(@PathVariable String id, @RequestBody Map<String, Object> attributes) {
        return DirectoryView.user(edit(DirectoryEdits.putUser(id, attributes)), id);
    }

    @PatchMapping("/users/{id}")
    Map<String, Object> patchUser(@PathVariable String id, @RequestBody Map<String, Object> changes) {
        return DirectoryView.user(edit(DirectoryEdits.patchUser(id, changes)), id);
    }

    @DeleteMapping("/users/{id}")
    ResponseEntity<Void> deleteUser(@PathVariable String id, @RequestParam(defaultValue = "soft") String mode) {
        edit(DirectoryEdits.deleteUser(id, hard(mode), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/restore")
    Map<String, Object> restoreUser(@PathVariable String id) {
        return DirectoryView.user(edit(DirectoryEdits.restoreUser(id)), id);
    }

    @GetMapping("/groups/{id}")
    Map<String, Object> group(@PathVariable String id) {
        Directory directory = local().current();
        if (!directory.groups().containsKey(id)) {
            throw new DirectoryEdits.NotFound("No group '" + id + "'");
        }
        return DirectoryView.group(directory, id);
    }

    @PostMapping("/groups")
    ResponseEntity<Map<String, Object>> createGroup(@RequestBody Map<String, Object> attributes) {
        String id = attributes.get("id") != null ? attributes.get("id").toString() : UUID.randomUUID().toString();
        if (local().current().groups().containsKey(id)) {
            throw new DirectoryEdits.Invalid("A group '" + id + "' exists already");
        }
        Directory directory = edit(DirectoryEdits.putGroup(id, attributes));
        return ResponseEntity.status(HttpStatus.CREATED).body(DirectoryView.group(directory, id));
    }

    @PutMapping("/groups/{id}")
    Map<String, Object> putGroup(@PathVariable String id, @RequestBody Map<String, Object> attributes) {
        return DirectoryView.group(edit(DirectoryEdits.putGroup(id, attributes)), id);
    }

    @PatchMapping("/groups/{id}")
    Map<String, Object> patchGroup(@PathVariable String id, @RequestBody Map<String, Object> changes) {
        return DirectoryView.group(edit(DirectoryEdits.patchGroup(id, changes)), id);
    }

    @DeleteMapping("/groups/{id}")
    ResponseEntity<Void> deleteGroup(@PathVariable String id, @RequestParam(defaultValue = "soft") String mode) {
        edit(DirectoryEdits.deleteGroup(id, hard(mode), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/groups/{id}/restore")
    Map<String, Object> restoreGroup(@PathVariable String id) {
        return DirectoryView.group(edit(DirectoryEdits.restoreGroup(id)), id);
    }

    @PutMapping("/groups/{id}/members/{memberId}")
    Map<String, Object> addMember(@PathVariable String id, @PathVariable String memberId) {
        return DirectoryView.group(edit(DirectoryEdits.addMember(id, memberId)), id);
    }

    @DeleteMapping("/groups/{id}/members/{memberId}")
    Map<String, Object> removeMember(@PathVariable String id, @PathVariable String memberId) {
        return DirectoryView.group(edit(DirectoryEdits.removeMember(id, memberId)), id);
    }

    @PutMapping({"/users/{id}/app-roles/{role}", "/groups/{id}/app-roles/{role}"})
    ResponseEntity<Void> assign(@PathVariable String id, @PathVariable String role) {
        edit(DirectoryEdits.assign(id, role));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping({"/users/{id}/app-roles/{role}", "/groups/{id}/app-roles/{role}"})
    ResponseEntity<Void> unassign(@PathVariable String id, @PathVariable String role) {
        edit(DirectoryEdits.unassign(id, role));
        return ResponseEntity.noContent().build();
    }

    private static boolean hard(String mode) {
        return switch (mode) {
            case "soft" -> false;
            case "hard" -> true;
            default -> throw new DirectoryEdits.Invalid("mode must be soft or hard, was '" + mode + "'");
        };
    }

    private Directory edit(Consumer<DirectoryBuilder> change) {
        return local().edit(change);
    }

    private LocalDirectorySource local() {
        if (source instanceof LocalDirectorySource local) {
            return local;
        }
        throw new NotLocal();
    }

    static final class NotLocal extends RuntimeException {
        NotLocal() {
            super("The producer reads Microsoft Graph (scimflow.producer.source=graph); the local directory API is not available");
        }
    }

    @ExceptionHandler(DirectoryEdits.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(DirectoryEdits.NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({DirectoryEdits.Invalid.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> invalid(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(NotLocal.class)
    ResponseEntity<Map<String, String>> notLocal(NotLocal e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
