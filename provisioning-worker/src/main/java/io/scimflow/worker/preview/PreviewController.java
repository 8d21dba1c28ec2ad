package io.scimflow.worker.preview;

import java.util.LinkedHashMap;
import java.util.Map;

import io.scimflow.rules.expression.ExpressionException;
import io.scimflow.rules.mapping.MappingException;
import io.scimflow.rules.preview.PreviewService;
import io.scimflow.rules.preview.SourceObjectMaps;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entra's expression builder and provision-on-demand, as HTTP: {@code POST /preview} with a
 * user's JSON returns the scoping decision with reasons and the SCIM requests that would
 * be sent; {@code POST /preview/expression} evaluates one expression. Untrusted input: the
 * expression parser's length and depth limits apply.
 */
@RestController
class PreviewController {

	private final PreviewService preview;

	PreviewController(PreviewService preview) {
		this.preview = preview;
	}

	@PostMapping(path = "/preview", consumes = "application/json", produces = "application/json")
	Map<String, Object> preview(@RequestBody Map<String, Object> user) {
		return this.preview.previewUserAsMap(SourceObjectMaps.user(user));
	}

	@PostMapping(path = "/preview/expression", consumes = "application/json", produces = "application/json")
	Map<String, Object> expression(@RequestBody ExpressionRequest request) {
		if (request.expression() == null) {
			throw new IllegalArgumentException("'expression' is required");
		}
		Map<String, Object> user = (request.attributes() != null) ? request.attributes() : Map.of();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("expression", request.expression());
		body.put("value", this.preview.evaluate(request.expression(), SourceObjectMaps.user(user)));
		return body;
	}

	@ExceptionHandler(ExpressionException.class)
	ResponseEntity<Map<String, Object>> expressionError(ExpressionException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", ex.error().code());
		body.put("message", ex.getMessage());
		body.put("position", ex.position());
		body.put("caret", ex.caretDiagram());
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler({ IllegalArgumentException.class, MappingException.class })
	ResponseEntity<Map<String, Object>> inputError(RuntimeException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "invalid-input");
		body.put("message", ex.getMessage());
		return ResponseEntity.badRequest().body(body);
	}

	/**
	 * The body of {@code POST /preview/expression}.
	 *
	 * @param expression the expression
	 * @param attributes the user, in the preview JSON shape
	 */
	record ExpressionRequest(String expression, Map<String, Object> attributes) {

	}

}
