package io.scimflow.rules.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. Single use: create one per expression.
 */
final class Tokenizer {

	private final String text;

	private int pos;

	Tokenizer(String text) {
		this.text = text;
	}

	List<Token> tokenize() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			skipWhitespace();
			if (this.pos >= this.text.length()) {
				tokens.add(new Token(TokenKind.END, "", "", new Span(this.pos, this.pos)));
				return tokens;
			}
			tokens.add(next());
		}
	}

	private Token next() {
		int start = this.pos;
		char c = this.text.charAt(this.pos);
		switch (c) {
			case '(':
				return single(TokenKind.LEFT_PAREN, start);
			case ')':
				return single(TokenKind.RIGHT_PAREN, start);
			case ',':
				return single(TokenKind.COMMA, start);
			case '[':
				return attribute(start);
			case '"':
				return string(start);
			case '=':
				return single(TokenKind.COMPARISON, start);
			case '<':
			case '>':
				return comparison(start, c);
			case '&':
				return hex(start);
			default:
				break;
		}
		if (Character.isDigit(c) || (c == '-' && this.pos + 1 < this.text.length()
				&& Character.isDigit(this.text.charAt(this.pos + 1)))) {
			return number(start);
		}
		if (Character.isLetter(c) || c == '_') {
			while (this.pos < this.text.length()
					&& (Character.isLetterOrDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '_')) {
				this.pos++;
			}
			String name = this.text.substring(start, this.pos);
			return new Token(TokenKind.NAME, name, name, new Span(start, this.pos));
		}
		throw error(ExpressionError.UNEXPECTED_CHARACTER, "unexpected character '" + c + "'", new Span(start, start + 1));
	}

	private Token single(TokenKind kind, int start) {
		this.pos++;
		String t = this.text.substring(start, this.pos);
		return new Token(kind, t, t, new Span(start, this.pos));
	}

	private Token comparison(int start, char c) {
		this.pos++;
		if (this.pos < this.text.length()) {
			char n = this.text.charAt(this.pos);
			if (n == '=' || (c == '<' && n == '>')) {
				this.pos++;
			}
		}
		String t = this.text.substring(start, this.pos);
		return new Token(TokenKind.COMPARISON, t, t, new Span(start, this.pos));
	}

	private Token attribute(int start) {
		int close = this.text.indexOf(']', start + 1);
		int nextOpen = this.text.indexOf('[', start + 1);
		if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
			throw error(ExpressionError.UNTERMINATED_ATTRIBUTE, "attribute reference is missing its closing ']'",
					new Span(start, start + 1));
		}
		String name = this.text.substring(start + 1, close).trim();
		this.pos = close + 1;
		if (name.isEmpty()) {
			throw error(ExpressionError.EMPTY_ATTRIBUTE, "attribute reference has no name", new Span(start, this.pos));
		}
		return new Token(TokenKind.ATTRIBUTE, this.text.substring(start, this.pos), name, new Span(start, this.pos));
	}

	// A backslash escapes '"' and '\'; before any other character it is kept as written, so
	// regex patterns such as "\d{10}" read naturally.
	private Token string(int start) {
		StringBuilder value = new StringBuilder();
		this.pos++;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (c == '\\' && this.pos + 1 < this.text.length()) {
				char n = this.text.charAt(this.pos + 1);
				if (n == '"' || n == '\\') {
					value.append(n);
				}
				else {
					value.append(c).append(n);
				}
				this.pos += 2;
				continue;
			}
			if (c == '"') {
				this.pos++;
				return new Token(TokenKind.STRING, this.text.substring(start, this.pos), value.toString(),
						new Span(start, this.pos));
			}
			value.append(c);
			this.pos++;
		}
		throw error(ExpressionError.UNTERMINATED_STRING, "string is missing its closing '\"'", new Span(start, start + 1));
	}

	private Token number(int start) {
		this.pos++;
		while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
			this.pos++;
		}
		if (this.pos + 1 < this.text.length() && this.text.charAt(this.pos) == '.'
				&& Character.isDigit(this.text.charAt(this.pos + 1))) {
			this.pos++;
			while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}
		if (this.pos < this.text.length() && Character.isLetter(this.text.charAt(this.pos))) {
			int end = this.pos;
			while (end < this.text.length() && Character.isLetterOrDigit(this.text.charAt(end))) {
				end++;
			}
			throw error(ExpressionError.INVALID_NUMBER, "invalid number '" + this.text.substring(start, end) + "'",
					new Span(start, end));
		}
		String t = this.text.substring(start, this.pos);
		return new Token(TokenKind.NUMBER, t, t, new Span(start, this.pos));
	}

	private Token hex(int start) {
		if (this.pos + 1 < this.text.length() && (this.text.charAt(this.pos + 1) == 'H' || this.text.charAt(this.pos + 1) == 'h')) {
			this.pos += 2;
			int digits = this.pos;
			while (this.pos < this.text.length() && Character.digit(this.text.charAt(this.pos), 16) >= 0) {
				this.pos++;
			}
			if (this.pos > digits) {
				String t = this.text.substring(start, this.pos);
				return new Token(TokenKind.HEX_NUMBER, t, this.text.substring(digits, this.pos), new Span(start, this.pos));
			}
			throw error(ExpressionError.INVALID_NUMBER, "hex number '&H' has no digits", new Span(start, this.pos));
		}
		throw error(ExpressionError.UNEXPECTED_CHARACTER, "unexpected character '&' (hex numbers are written &HFF)",
				new Span(start, start + 1));
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private ExpressionException error(ExpressionError code, String message, Span span) {
		return new ExpressionException(code, message, this.text, span);
	}

}
