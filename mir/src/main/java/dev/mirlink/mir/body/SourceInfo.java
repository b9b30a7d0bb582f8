package dev.mirlink.mir.body;

import dev.mirlink.mir.item.Span;

/** Where a terminator comes from ({@code // scope N at span}); {@code span} is null for rustc's {@code no-location}. */
public record SourceInfo(Span span, int scope) {}
