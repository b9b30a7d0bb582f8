package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.body.SourceInfo;

import java.util.List;

/**
 * The scopes and spans of a body's lines, which the model keeps only where a program observes them:
 * per block, its statements' and then its terminator's (null without a comment; the span null for
 * {@code no-location}); and those of its locals and debug info. The producer reads them to
 * place a line within its body. Empty when the MIR was printed without spans.
 */
public record BodySpans(List<List<SourceInfo>> blocks, List<SourceInfo> declarations) {}
