package io.scimflow.rules.source;

/** The kind of directory object the rules are evaluated for. */
public enum ObjectType {

	USER, GROUP

}
