package dev.mirlink.mir.ty;

import java.util.List;

/** A def path such as {@code vec::Vec::<T>::push} or {@code <T as Clone>::clone}. */
public record Path(List<PathSegment> segments) {
    public Path { segments = List.copyOf(segments); }

    public PathSegment last() { return segments.get(segments.size() - 1); }
}
