package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Instance;

/**
 * One source scope: its parent (-1 for the outermost scope 0) and, for a scope that an inlined
 * callee introduced, that callee ({@code scope N (inlined [#[track_caller] ]instance)}).
 */
public record SourceScopeData(int parent, Instance inlined, boolean inlinedTrackCaller) {}
