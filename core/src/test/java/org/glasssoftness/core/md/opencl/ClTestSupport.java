package org.glasssoftness.core.md.opencl;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens the OpenCL device for a test. A missing device fails the test (CI installs PoCL through run-tests.sh), unless
 * the system property {@value #OPTIONAL} is true: then the test is skipped with the reason.
 */
public final class ClTestSupport {
    public static final String OPTIONAL = "glasssoftness.opencl.optional";

    private ClTestSupport() { }

    public static ClRuntime open() {
        try {
            return ClRuntime.open();
        } catch (OpenClUnavailableException e) {
            if (Boolean.getBoolean(OPTIONAL)) {
                Assumptions.abort("OpenCL tests skipped (" + OPTIONAL + "=true): " + e.getMessage());
            }
            return Assertions.fail("no OpenCL device for the OpenCL backend tests (install pocl-opencl-icd, or set -D"
                    + OPTIONAL + "=true to skip them): " + e.getMessage());
        }
    }
}
