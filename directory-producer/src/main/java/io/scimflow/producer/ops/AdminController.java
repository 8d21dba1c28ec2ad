package io.scimflow.producer.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.scimflow.producer.publish.DirectorySource;
import io.scimflow.producer.publish.PublishResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator commands: {@code POST /admin/full-resync} re-reads the directory and re-publishes every object. */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final DirectorySource source;

    AdminController(DirectorySource source) {
        this.source = source;
    }

    @PostMapping("/full-resync")
    Map<String, Object> fullResync() {
        PublishResult result = source.fullResync();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", result.records());
        body.put("users", result.users());
        body.put("groups", result.groups());
        body.put("memberships", result.memberships());
        body.put("tombstones", result.tombstones());
        body.put("millis", result.millis());
        return body;
    }
}
