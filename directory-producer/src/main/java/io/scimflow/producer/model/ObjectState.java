package io.scimflow.producer.model;

/** Whether a directory object exists or sits in the directory's recycle bin. Hard-deleted objects are simply absent. */
public enum ObjectState {
    ACTIVE,
    SOFT_DELETED
}
