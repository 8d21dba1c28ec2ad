package io.scimflow.producer.model;

/** Kind of a group member. Graph devices, contacts and service principals are {@link #OTHER}. */
public enum MemberType {
    USER,
    GROUP,
    OTHER
}
