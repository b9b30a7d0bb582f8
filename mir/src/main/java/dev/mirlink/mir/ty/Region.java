package dev.mirlink.mir.ty;

/** A lifetime as printed: {@code 'a}, {@code 'static}, {@code '_}. */
public record Region(String name) {}
