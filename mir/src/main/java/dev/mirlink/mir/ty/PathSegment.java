package dev.mirlink.mir.ty;

import java.util.List;

/** One segment of a {@link Path}; generic args attach to the segment that declares them. */
public sealed interface PathSegment {
    /** A plain name (raw identifiers keep their {@code r#}), optionally with generic args. */
    record Ident(String name, List<GenericArg> args) implements PathSegment {
        public Ident { args = List.copyOf(args); }

        public Ident(String name) { this(name, List.of()); }
    }
    /** {@code <T as Trait>} or {@code <T>} at the head of a path; {@code trait} may be null. */
    record QualifiedSelf(Ty self, Path trait) implements PathSegment {}
    /** {@code <impl at FILE:L:C: L:C>}, an impl known only by its span. */
    record ImplAt(String span) implements PathSegment {}
    /** {@code <impl Trait for T>} or {@code <impl T>}; {@code trait} may be null. */
    record ImplFor(Path trait, Ty self) implements PathSegment {}
    /** {@code {closure#0}}, {@code {constant#1}}, {@code {opaque#0}}: rustc's disambiguated data. */
    record Disambiguated(String kind, int index) implements PathSegment {}
}
