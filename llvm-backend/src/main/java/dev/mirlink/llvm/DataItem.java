package dev.mirlink.llvm;

/** A global the program defines: a static, a thread-local or a vtable. */
public record DataItem(String symbol, ConstData value, boolean exported, boolean threadLocal, String describe) {}
