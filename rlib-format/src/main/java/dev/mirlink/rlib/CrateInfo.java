package dev.mirlink.rlib;

import java.util.Objects;

/** What the producer knows about the crate; the writer adds the hashes and the layout name. */
public record CrateInfo(String crateName, String rustcVersion, String targetTriple, String producer) {
    public CrateInfo {
        Objects.requireNonNull(crateName, "crateName");
        Objects.requireNonNull(rustcVersion, "rustcVersion");
        Objects.requireNonNull(targetTriple, "targetTriple");
        Objects.requireNonNull(producer, "producer");
    }

    public CrateInfo(String crateName, String rustcVersion, String targetTriple) {
        this(crateName, rustcVersion, targetTriple, RlibHeader.PRODUCER);
    }
}
