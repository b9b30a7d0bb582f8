package dev.mirlink.mir.layout;

import java.math.BigInteger;
import java.util.List;

/** rustc's {@code Variants}: one variant, none (uninhabited enums), or several with a tag. */
public sealed interface Variants {
    record Empty() implements Variants {}
    record Single(int index) implements Variants {}
    /** The tag is field {@code tagField} of the enclosing layout's fields. */
    record Multiple(Scalar tag, TagEncoding encoding, int tagField, List<Layout> variants) implements Variants {
        public Multiple { variants = List.copyOf(variants); }
    }

    sealed interface TagEncoding {}
    /** The tag holds the discriminant (truncated to the tag's size). */
    record Direct() implements TagEncoding {}
    /**
     * Variants {@code nicheStart..=nicheEnd} other than {@code untaggedVariant} are encoded as
     * {@code (index - nicheVariantsStart) + nicheStart} in the niche; the untagged one is any valid value.
     */
    record Niche(int untaggedVariant, int nicheVariantsStart, int nicheVariantsEnd, BigInteger nicheStart)
            implements TagEncoding {}
}
