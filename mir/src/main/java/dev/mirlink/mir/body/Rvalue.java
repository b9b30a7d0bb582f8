package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.List;

/** The right-hand side of an assignment, as in rustc's {@code Rvalue}. */
public sealed interface Rvalue {
    record Use(Operand operand) implements Rvalue {}
    /** {@code [op; N]}. */
    record Repeat(Operand operand, TyConst count) implements Rvalue {}
    /** {@code &P}, {@code &mut P}, {@code &fake P}, {@code &fake shallow P}; regions are erased. */
    record Ref(BorrowKind kind, Place place) implements Rvalue {}
    /** A thread-local static, printed with the {@code tls} comment marker after the {@code &}. */
    record ThreadLocalRef(boolean mutable, Path path) implements Rvalue {}
    /** {@code &raw const P}, {@code &raw mut P}, {@code &raw const (fake) P}. */
    record RawPtr(RawPtrKind kind, Place place) implements Rvalue {}
    /** {@code op as T (Kind)}. */
    record Cast(CastKind kind, Operand operand, Ty ty) implements Rvalue {}
    record BinaryOp(BinOp op, Operand left, Operand right) implements Rvalue {}
    record UnaryOp(UnOp op, Operand operand) implements Rvalue {}
    record Discriminant(Place place) implements Rvalue {}
    record Aggregate(AggregateKind kind, List<Operand> operands) implements Rvalue {
        public Aggregate { operands = List.copyOf(operands); }
    }
    /** {@code deref_copy P}. */
    record CopyForDeref(Place place) implements Rvalue {}
    /** {@code wrap_binder!(op; T)}. */
    record WrapUnsafeBinder(Operand operand, Ty ty) implements Rvalue {}

    enum BorrowKind { SHARED, MUT, FAKE_DEEP, FAKE_SHALLOW }

    enum RawPtrKind { MUT, CONST, FAKE_FOR_PTR_METADATA }

    enum UnOp { Not, Neg, PtrMetadata }

    /** Binary operators by their printed names; {@code symbol} is the HIR operator used in assert messages. */
    enum BinOp {
        Add("+"), AddUnchecked("+"), AddWithOverflow("+"),
        Sub("-"), SubUnchecked("-"), SubWithOverflow("-"),
        Mul("*"), MulUnchecked("*"), MulWithOverflow("*"),
        Div("/"), Rem("%"), BitXor("^"), BitAnd("&"), BitOr("|"),
        Shl("<<"), ShlUnchecked("<<"), Shr(">>"), ShrUnchecked(">>"),
        Eq("=="), Lt("<"), Le("<="), Ne("!="), Ge(">="), Gt(">"), Cmp("<=>"), Offset("offset");

        private final String symbol;

        BinOp(String symbol) { this.symbol = symbol; }

        public String symbol() { return symbol; }
    }
}
