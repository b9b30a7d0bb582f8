package dev.mirlink.mir.body;

import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.ty.Instance;

/**
 * One source scope: its parent (-1 for the outermost scope 0) and, for a scope that an inlined
 * callee introduced, that callee ({@code scope N (inlined [#[track_caller] ]instance)}) and the span
 * of the call it replaced ({@code // at span}, null when the MIR was printed without spans).
 */
public record SourceScopeData(int parent, Instance inlined, boolean inlinedTrackCaller, Span callsite) {}
