/**
 * The rules' output: plain records that say what the target must look like for one
 * object, which the worker turns into provisioning operations.
 */
package io.scimflow.rules.decision;
