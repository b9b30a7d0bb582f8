package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.CastKind;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.InlineAsmOperand;
import dev.mirlink.mir.body.Local;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.SourceInfo;
import dev.mirlink.mir.body.SourceScopeData;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.StmtDebugInfo;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.body.UnwindAction;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body's scope tree, locals and basic blocks, as {@code write_mir_fn} prints them
 * (rustc_middle/src/mir/pretty.rs). One instance per body.
 */
final class BodyParser {
    private static final Map<String, Rvalue.BinOp> BIN_OPS = new HashMap<>();
    private static final Map<String, Rvalue.UnOp> UN_OPS = new HashMap<>();

    static {
        for (Rvalue.BinOp op : Rvalue.BinOp.values()) BIN_OPS.put(op.name(), op);
        for (Rvalue.UnOp op : Rvalue.UnOp.values()) UN_OPS.put(op.name(), op);
    }

    private final Cursor c;
    private final TyParser t;
    private final ConstParser k;

    private LocalDecl[] locals = new LocalDecl[16];
    private int localCount;
    private SourceScopeData[] scopes = new SourceScopeData[8];
    private int scopeCount;
    private final List<VarDebugInfo> debugInfo = new ArrayList<>();
    private static final Pattern SOURCE_INFO = Pattern.compile("scope (\\d+) at (.*)");
    private static final Pattern DECLARED_AT = Pattern.compile(".*scope (\\d+) at (.*)");
    private final List<SourceInfo> declarationSpans = new ArrayList<>();
    private final List<List<SourceInfo>> blockSpans = new ArrayList<>();

    BodyParser(Cursor c, TyParser t, ConstParser k) {
        this.c = c;
        this.t = t;
        this.k = k;
    }

    /** Parses from just after {@code {\n} of the header to the closing {@code }\n}. */
    Body body(BodyKind kind, boolean ctfe, Path path, int promoted, List<Ty> argTys, Ty returnTy, Ty yieldTy) {
        setLocal(0, null, returnTy, -1);
        for (int i = 0; i < argTys.size(); i++) setLocal(i + 1, null, argTys.get(i), 0);
        setScope(0, new SourceScopeData(-1, null, false, null));
        scopeContents(0, 1);
        for (int i = 0; i < scopeCount; i++) {
            if (scopes[i] == null) throw c.error("scope tree", "scope " + i + " is never declared");
        }
        if (locals[0].mutability() == null) throw c.error("locals", "the return place _0 is not declared");
        List<LocalDecl> decls = new ArrayList<>(localCount);
        for (int i = 0; i < localCount; i++) {
            if (locals[i] == null) throw c.error("locals", "local _" + i + " is never declared");
            decls.add(locals[i]);
        }
        c.take('\n', "body");
        List<BasicBlockData> blocks = new ArrayList<>();
        while (true) {
            c.take("    bb", "basic block");
            int index = c.uint("basic block");
            if (index != blocks.size()) throw c.error("basic block", "expected bb" + blocks.size());
            boolean cleanup = c.eat(" (cleanup)");
            c.take(": {\n", "basic block");
            blocks.add(block(cleanup));
            c.take("    }\n", "basic block");
            if (!c.eat('\n')) break;
        }
        c.take("}\n", "body");
        return new Body(kind, ctfe, path, promoted, argTys.size(), yieldTy, decls,
                Arrays.asList(scopes).subList(0, scopeCount), debugInfo, blocks);
    }

    private void setLocal(int index, Ty.Mutability m, Ty ty, int scope) {
        if (index >= locals.length) locals = Arrays.copyOf(locals, Math.max(index + 1, locals.length * 2));
        if (index > 0 && locals[index] != null) throw c.error("local declaration", "_" + index + " declared twice");
        locals[index] = new LocalDecl(m, ty, scope);
        localCount = Math.max(localCount, index + 1);
    }

    private void setScope(int index, SourceScopeData data) {
        if (index >= scopes.length) scopes = Arrays.copyOf(scopes, Math.max(index + 1, scopes.length * 2));
        if (scopes[index] != null) throw c.error("scope", "scope " + index + " declared twice");
        scopes[index] = data;
        scopeCount = Math.max(scopeCount, index + 1);
    }

    // ---------------------------------------------------------------- scope tree

    private void scopeContents(int scope, int depth) {
        String indent = "    ".repeat(depth);
        while (c.at(indent) && c.s.startsWith("debug ", c.pos + indent.length())) {
            c.pos += indent.length() + 6;
            debugInfo.add(varDebugInfo(scope));
            c.take(';', "debug info");
            declared(lineEnd("debug info"));
        }
        while (c.at(indent) && c.s.startsWith("let ", c.pos + indent.length())) {
            c.pos += indent.length() + 4;
            Ty.Mutability m = c.eat("mut ") ? Ty.Mutability.MUT : Ty.Mutability.NOT;
            c.take('_', "local declaration");
            int index = c.uint("local declaration");
            c.take(": ", "local declaration");
            Ty ty = t.ty();
            c.take(';', "local declaration");
            declared(lineEnd("local declaration"));
            if (index == 0) {
                if (scope != 0) throw c.error("local declaration", "_0 outside the outermost scope");
                locals[0] = new LocalDecl(m, locals[0].ty(), 0);
                if (!locals[0].ty().equals(ty)) throw c.error("local declaration", "_0's type differs from the return type");
            } else {
                setLocal(index, m, ty, scope);
            }
        }
        while (c.at(indent) && c.s.startsWith("scope ", c.pos + indent.length())) {
            c.pos += indent.length() + 6;
            int child = c.uint("scope");
            Instance inlined = null;
            boolean trackCaller = false;
            if (c.eat(" (inlined ")) {
                trackCaller = c.eat("#[track_caller] ");
                inlined = t.instance();
                c.take(')', "inlined scope");
            }
            c.take(" {", "scope");
            String comment = lineEnd("scope");
            Span callsite = null;
            if (comment != null) {
                if (!comment.startsWith("at ")) throw c.error("scope", "expected `// at span`");
                callsite = span(comment.substring(3));
            }
            setScope(child, new SourceScopeData(scope, inlined, trackCaller, callsite));
            scopeContents(child, depth + 1);
            c.take(indent, "scope");
            c.take("}\n", "scope");
        }
    }

    private void declared(String comment) {
        SourceInfo source = sourceInfo(DECLARED_AT, comment);
        if (source != null && source.span() != null) declarationSpans.add(source);
    }

    /** The spans of the body's lines, which the model keeps only for calls and asserts; valid after {@link #body}. */
    BodySpans spans() {
        return new BodySpans(blockSpans, declarationSpans);
    }

    private VarDebugInfo varDebugInfo(int scope) {
        String name;
        Ty compositeTy = null;
        List<ProjectionElem> proj = List.of();
        if (c.at('(')) {
            int opens = 0;
            while (c.eat('(')) opens++;
            name = c.ident("debug info name");
            c.take(": ", "debug info");
            compositeTy = t.ty();
            c.take(')', "debug info");
            proj = new ArrayList<>(opens - 1);
            for (int i = 1; i < opens; i++) {
                c.take('.', "debug info fragment");
                int f = c.uint("field index");
                c.take(": ", "debug info fragment");
                proj.add(new ProjectionElem.Field(f, t.ty()));
                c.take(')', "debug info fragment");
            }
        } else {
            name = debugName();
        }
        c.take(" => ", "debug info");
        VarDebugInfo.Contents value;
        if (c.eat("const ")) {
            value = new VarDebugInfo.Contents.ConstValue(new ConstOperand(k.value()));
        } else if (atPlace()) {
            value = new VarDebugInfo.Contents.PlaceValue(place());
        } else {
            value = new VarDebugInfo.Contents.ConstValue(new ConstOperand(new ConstValue.FnItem(t.path(true))));
        }
        return new VarDebugInfo(name, scope, compositeTy, proj, value);
    }

    private String debugName() {
        int start = c.pos;
        while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
        if (c.pos == start) throw c.error("debug info name", "expected a name");
        return c.s.substring(start, c.pos);
    }

    // ---------------------------------------------------------------- blocks

    private BasicBlockData block(boolean cleanup) {
        List<Statement> stmts = new ArrayList<>();
        List<StmtDebugInfo> dbg = List.of();
        List<SourceInfo> spans = new ArrayList<>();
        blockSpans.add(spans);
        while (true) {
            c.take("        ", "statement");
            if (c.eat("// DBG: ")) {
                if (dbg.isEmpty()) dbg = new ArrayList<>(2);
                c.take('_', "debuginfo");
                Local local = new Local(c.uint("debuginfo"));
                c.take(" = &", "debuginfo");
                if (c.eat('?')) dbg.add(new StmtDebugInfo(stmts.size(), new StmtDebugInfo.Kind.InvalidAssign(local)));
                else dbg.add(new StmtDebugInfo(stmts.size(), new StmtDebugInfo.Kind.AssignRef(local, place())));
                c.take(";\n", "debuginfo");
                continue;
            }
            Object line = statementOrTerminator();
            c.take(';', "statement");
            String comment = lineEnd("statement");
            skipExtraComments();
            SourceInfo source = sourceInfo(SOURCE_INFO, comment);
            spans.add(source);
            if (line instanceof Terminator term) {
                return new BasicBlockData(cleanup, stmts, dbg, term, observableSource(term, comment, source));
            }
            stmts.add((Statement) line);
        }
    }

    // ---------------------------------------------------------------- -Zmir-include-spans comments

    /**
     * The end of a line: {@code \n}, or the comment rustc's {@code -Zmir-include-spans} adds (padding,
     * {@code // text}, {@code \n}), whose text it returns.
     */
    private String lineEnd(String what) {
        if (c.eat('\n')) return null;
        while (c.at(' ')) c.pos++;
        c.take("// ", what);
        String text = c.restOfLine();
        c.pos += text.length();
        c.take('\n', what);
        return text;
    }

    /** Skips the comment lines ({@code write_extra}) that follow a statement: only whitespace before {@code //}. */
    private void skipExtraComments() {
        while (true) {
            int p = c.pos;
            while (p < c.len && c.s.charAt(p) == ' ') p++;
            if (p - c.pos <= 8 || !c.s.startsWith("//", p)) return;
            int e = c.s.indexOf('\n', p);
            if (e < 0) throw c.error("comment", "unterminated comment line");
            c.pos = e + 1;
        }
    }

    /** A call's or assert's {@code scope N at span} comment (see {@link BasicBlockData}); null for other terminators. */
    private SourceInfo observableSource(Terminator term, String comment, SourceInfo source) {
        boolean observable = term instanceof Terminator.Call || term instanceof Terminator.TailCall
                || term instanceof Terminator.Assert;
        if (comment == null || !observable) return null;
        if (source == null) throw c.error("terminator", "expected `// scope N at span`");
        if (source.scope() >= scopeCount) throw c.error("terminator", "scope " + source.scope() + " is never declared");
        return source;
    }

    /** The scope and span a {@code scope N at span} comment gives (the span null for {@code no-location}); null for another comment. */
    private SourceInfo sourceInfo(Pattern pattern, String comment) {
        Matcher m = comment == null ? null : pattern.matcher(comment);
        if (m == null || !m.matches()) return null;
        return new SourceInfo(m.group(2).equals("no-location") ? null : span(m.group(2)), Integer.parseInt(m.group(1)));
    }

    /** {@code file:line:col: line:col} ({@code span_to_diagnostic_string}). */
    private Span span(String text) {
        try {
            return Span.parse(text);
        } catch (IllegalArgumentException e) {
            throw c.error("span", "expected `file:line:col: line:col`, found `" + text + "`");
        }
    }

    private Object statementOrTerminator() {
        char ch = c.peek();
        switch (ch) {
            case 'S':
                if (c.eat("StorageLive(")) return new Statement.StorageLive(localInParens());
                if (c.eat("StorageDead(")) return new Statement.StorageDead(localInParens());
                break;
            case 'd':
                if (c.eat("discriminant(")) {
                    Place p = place();
                    c.take(") = ", "set discriminant");
                    return new Statement.SetDiscriminant(p, c.uint("variant index"));
                }
                if (c.eat("drop(")) {
                    Place p = place();
                    c.take(')', "drop");
                    return drop(p, null);
                }
                break;
            case 'a':
                if (c.eat("assume(")) {
                    Operand op = operand();
                    c.take(')', "assume");
                    return new Statement.Assume(op);
                }
                if (c.eat("assert(")) return assertTerminator();
                if (c.eat("asm!(\"")) return inlineAsm();
                if (c.eat("async drop(")) {
                    Place p = place();
                    c.take("; poll=", "async drop");
                    Operand fut = operand();
                    c.take(')', "async drop");
                    return drop(p, fut);
                }
                break;
            case 'c':
                if (c.eat("copy_nonoverlapping(dst = ")) {
                    Operand dst = operand();
                    c.take(", src = ", "copy_nonoverlapping");
                    Operand src = operand();
                    c.take(", count = ", "copy_nonoverlapping");
                    Operand count = operand();
                    c.take(')', "copy_nonoverlapping");
                    return new Statement.CopyNonOverlapping(src, dst, count);
                }
                if (c.eatWord("coroutine_drop")) return new Terminator.CoroutineDrop();
                break;
            case 'C':
                if (c.eatWord("ConstEvalCounter")) return new Statement.ConstEvalCounter();
                break;
            case 'n':
                if (c.eatWord("nop")) return new Statement.Nop();
                break;
            case 'P':
                if (c.eat("PlaceMention(")) {
                    Place p = place();
                    c.take(')', "PlaceMention");
                    return new Statement.PlaceMention(p);
                }
                break;
            case 'B':
                if (c.eat("BackwardIncompatibleDropHint(")) {
                    Place p = place();
                    c.take(')', "BackwardIncompatibleDropHint");
                    return new Statement.BackwardIncompatibleDropHint(p);
                }
                break;
            case 'R':
                if (c.eat("Retag(")) {
                    Statement.RetagKind rk = null;
                    if (c.eat("[fn entry] ")) rk = Statement.RetagKind.FN_ENTRY;
                    else if (c.eat("[2phase] ")) rk = Statement.RetagKind.TWO_PHASE;
                    else if (c.eat("[raw] ")) rk = Statement.RetagKind.RAW;
                    Place p = place();
                    c.take(')', "Retag");
                    return new Statement.Retag(rk, p);
                }
                break;
            case 'g':
                if (c.eat("goto -> bb")) return new Terminator.Goto(new BasicBlock(c.uint("goto target")));
                break;
            case 's':
                if (c.eat("switchInt(")) return switchInt();
                break;
            case 'r':
                if (c.eatWord("return")) return new Terminator.Return();
                if (c.eatWord("resume")) return new Terminator.UnwindResume();
                break;
            case 'u':
                if (c.eatWord("unreachable")) return new Terminator.Unreachable();
                break;
            case 't':
                if (c.eat("terminate(")) {
                    UnwindAction.TerminateReason r = terminateReason();
                    c.take(')', "terminate");
                    return new Terminator.UnwindTerminate(r);
                }
                if (c.eat("tailcall ")) {
                    Operand func = operand();
                    return new Terminator.TailCall(func, operandList("tail call"));
                }
                break;
            case 'f':
                if (c.eatWord("falseEdge")) {
                    Successors s = successors();
                    s.expectLabels("falseEdge", "real", "imaginary");
                    return new Terminator.FalseEdge(s.targets.get(0), s.targets.get(1));
                }
                if (c.eatWord("falseUnwind")) {
                    Successors s = successors();
                    if (s.labels.size() == 2) {
                        s.expectLabels("falseUnwind", "real", "unwind");
                        return new Terminator.FalseUnwind(s.targets.get(0), new UnwindAction.Cleanup(s.targets.get(1)));
                    }
                    s.expectLabels("falseUnwind", "real");
                    return new Terminator.FalseUnwind(s.targets.get(0), s.requireUnwind("falseUnwind"));
                }
                break;
            default:
                break;
        }
        if (!atPlace()) throw c.error("statement", "unknown statement");
        Place dest = place();
        c.take(" = ", "assignment");
        return assignmentOrCall(dest);
    }

    private Local localInParens() {
        c.take('_', "local");
        Local l = new Local(c.uint("local"));
        c.take(')', "statement");
        return l;
    }

    private UnwindAction.TerminateReason terminateReason() {
        if (c.eat("abi")) return UnwindAction.TerminateReason.ABI;
        if (c.eat("cleanup")) return UnwindAction.TerminateReason.IN_CLEANUP;
        throw c.error("terminate reason", "expected 'abi' or 'cleanup'");
    }

    // ---------------------------------------------------------------- successors

    /** A terminator's printed successor list, before it is read per terminator kind. */
    private final class Successors {
        final List<String> labels = new ArrayList<>(3);
        final List<BasicBlock> targets = new ArrayList<>(3);
        UnwindAction shownUnwind;
        boolean unlabeled;

        void expectLabels(String what, String... expected) {
            if (unlabeled || !labels.equals(List.of(expected))) {
                throw c.error(what + " successors", "expected labels " + Arrays.toString(expected) + " but found " + labels);
            }
        }

        UnwindAction requireUnwind(String what) {
            if (shownUnwind == null) throw c.error(what + " successors", "missing unwind action");
            return shownUnwind;
        }
    }

    private Successors successors() {
        Successors s = new Successors();
        if (!c.eat(" -> ")) return s;
        if (c.eat("unwind ")) {
            s.shownUnwind = shownUnwind();
            return s;
        }
        if (c.eat("bb")) {
            s.unlabeled = true;
            s.targets.add(new BasicBlock(c.uint("successor")));
            return s;
        }
        c.take('[', "successors");
        while (true) {
            if (c.eat("unwind ")) {
                s.shownUnwind = shownUnwind();
                break;
            }
            int start = c.pos;
            while (c.pos < c.len && c.s.charAt(c.pos) != ':' && c.s.charAt(c.pos) != '\n') c.pos++;
            s.labels.add(c.s.substring(start, c.pos));
            c.take(": bb", "successor");
            s.targets.add(new BasicBlock(c.uint("successor")));
            if (!c.eat(", ")) break;
        }
        c.take(']', "successors");
        return s;
    }

    private UnwindAction shownUnwind() {
        if (c.eat("continue")) return new UnwindAction.Continue();
        if (c.eat("unreachable")) return new UnwindAction.Unreachable();
        if (c.eat("terminate(")) {
            UnwindAction.TerminateReason r = terminateReason();
            c.take(')', "unwind terminate");
            return new UnwindAction.Terminate(r);
        }
        throw c.error("unwind action", "expected 'continue', 'unreachable' or 'terminate(…)'");
    }

    /** A terminator's main target (null if it has none) and its unwind action. */
    private record TargetAndUnwind(BasicBlock target, UnwindAction unwind) {}

    /**
     * Reads "return"/"success"/… plus an optional "unwind" label. A lone unlabeled successor is
     * the cleanup block of a terminator without a return target.
     */
    private TargetAndUnwind targetAndUnwind(Successors s, String what, String targetLabel, boolean targetOptional) {
        if (s.unlabeled) {
            if (!targetOptional) throw c.error(what + " successors", "expected labelled successors");
            return new TargetAndUnwind(null, new UnwindAction.Cleanup(s.targets.get(0)));
        }
        int i = 0;
        BasicBlock target = null;
        if (i < s.labels.size() && s.labels.get(i).equals(targetLabel)) target = s.targets.get(i++);
        else if (!targetOptional) throw c.error(what + " successors", "expected '" + targetLabel + "'");
        UnwindAction unwind;
        if (i < s.labels.size() && s.labels.get(i).equals("unwind")) {
            unwind = new UnwindAction.Cleanup(s.targets.get(i++));
            if (s.shownUnwind != null) throw c.error(what + " successors", "two unwind actions");
        } else {
            unwind = s.requireUnwind(what);
        }
        if (i != s.labels.size()) throw c.error(what + " successors", "unexpected label '" + s.labels.get(i) + "'");
        return new TargetAndUnwind(target, unwind);
    }

    private Terminator drop(Place p, Operand fut) {
        Successors s = successors();
        if (s.unlabeled || s.labels.isEmpty() || !s.labels.get(0).equals("return")) {
            throw c.error("drop successors", "expected 'return'");
        }
        BasicBlock target = s.targets.get(0);
        int i = 1;
        UnwindAction unwind;
        if (i < s.labels.size() && s.labels.get(i).equals("unwind")) unwind = new UnwindAction.Cleanup(s.targets.get(i++));
        else unwind = s.requireUnwind("drop");
        BasicBlock dropTarget = null;
        if (i < s.labels.size() && s.labels.get(i).equals("drop")) dropTarget = s.targets.get(i++);
        if (i != s.labels.size()) throw c.error("drop successors", "unexpected label '" + s.labels.get(i) + "'");
        if (unwind instanceof UnwindAction.Cleanup && s.shownUnwind != null) throw c.error("drop successors", "two unwind actions");
        return new Terminator.Drop(p, target, unwind, dropTarget, fut);
    }

    private Terminator switchInt() {
        Operand discr = operand();
        c.take(')', "switchInt");
        Successors s = successors();
        if (s.shownUnwind != null) throw c.error("switchInt", "unexpected unwind");
        if (s.unlabeled) return new Terminator.SwitchInt(discr, List.of(), List.of(), s.targets.get(0));
        int n = s.labels.size();
        if (n == 0 || !s.labels.get(n - 1).equals("otherwise")) throw c.error("switchInt", "expected 'otherwise' last");
        List<BigInteger> values = new ArrayList<>(n - 1);
        for (int i = 0; i < n - 1; i++) {
            String l = s.labels.get(i);
            if (l.isEmpty() || (l.length() > 1 && l.charAt(0) == '0')) throw c.error("switchInt", "bad value '" + l + "'");
            for (int j = 0; j < l.length(); j++) {
                if (!Cursor.isDigit(l.charAt(j))) throw c.error("switchInt", "bad value '" + l + "'");
            }
            values.add(l.length() <= 18 ? BigInteger.valueOf(Long.parseLong(l)) : new BigInteger(l));
        }
        return new Terminator.SwitchInt(discr, values, s.targets.subList(0, n - 1), s.targets.get(n - 1));
    }

    private Terminator assertTerminator() {
        boolean expected = !c.eat('!');
        Operand cond = operand();
        c.take(", \"", "assert");
        int e = c.s.indexOf('"', c.pos);
        int nl = c.s.indexOf('\n', c.pos);
        if (e < 0 || (nl >= 0 && nl < e)) throw c.error("assert message", "unterminated message");
        String msg = c.s.substring(c.pos, e);
        c.pos = e + 1;
        AssertMessage m = switch (msg) {
            case "index out of bounds: the length is {} but the index is {}" -> {
                Operand len = assertArg();
                yield new AssertMessage.BoundsCheck(len, assertArg());
            }
            case "attempt to negate `{}`, which would overflow" -> new AssertMessage.OverflowNeg(assertArg());
            case "attempt to divide `{}` by zero" -> new AssertMessage.DivisionByZero(assertArg());
            case "attempt to calculate the remainder of `{}` with a divisor of zero" ->
                    new AssertMessage.RemainderByZero(assertArg());
            case "attempt to compute `{} + {}`, which would overflow" -> overflow(Rvalue.BinOp.Add);
            case "attempt to compute `{} - {}`, which would overflow" -> overflow(Rvalue.BinOp.Sub);
            case "attempt to compute `{} * {}`, which would overflow" -> overflow(Rvalue.BinOp.Mul);
            case "attempt to compute `{} / {}`, which would overflow" -> overflow(Rvalue.BinOp.Div);
            case "attempt to compute the remainder of `{} % {}`, which would overflow" -> overflow(Rvalue.BinOp.Rem);
            case "attempt to shift right by `{}`, which would overflow" ->
                    new AssertMessage.Overflow(Rvalue.BinOp.Shr, null, assertArg());
            case "attempt to shift left by `{}`, which would overflow" ->
                    new AssertMessage.Overflow(Rvalue.BinOp.Shl, null, assertArg());
            case "misaligned pointer dereference: address must be a multiple of {} but is {}" -> {
                Operand req = assertArg();
                yield new AssertMessage.MisalignedPointerDereference(req, assertArg());
            }
            case "null pointer dereference occurred" -> new AssertMessage.NullPointerDereference();
            case "trying to construct an enum from an invalid value {}" ->
                    new AssertMessage.InvalidEnumConstruction(assertArg());
            case "coroutine resumed after completion", "`async fn` resumed after completion",
                 "`async gen fn` resumed after completion",
                 "`gen fn` should just keep returning `None` after completion", "coroutine resumed after panicking",
                 "`async fn` resumed after panicking", "`async gen fn` resumed after panicking",
                 "`gen fn` should just keep returning `None` after panicking", "coroutine resumed after async drop",
                 "`async fn` resumed after async drop", "`async gen fn` resumed after async drop",
                 "`gen fn` resumed after drop" -> new AssertMessage.Coroutine(msg);
            default -> throw c.error("assert message", "unknown message \"" + msg + "\"");
        };
        c.take(')', "assert");
        Successors s = successors();
        TargetAndUnwind tu = targetAndUnwind(s, "assert", "success", false);
        return new Terminator.Assert(cond, expected, m, tu.target(), tu.unwind());
    }

    private AssertMessage overflow(Rvalue.BinOp op) {
        Operand l = assertArg();
        return new AssertMessage.Overflow(op, l, assertArg());
    }

    private Operand assertArg() {
        c.take(", ", "assert argument");
        return operand();
    }

    private Terminator inlineAsm() {
        int start = c.pos;
        int end = templateEnd();
        String template = c.s.substring(start, end);
        c.pos = end + 1;
        List<InlineAsmOperand> ops = new ArrayList<>();
        List<String> options = new ArrayList<>(4);
        while (true) {
            c.take(", ", "asm!");
            if (c.eat("options(")) {
                if (!c.at(')')) {
                    while (true) {
                        int s0 = c.pos;
                        while (c.pos < c.len && (Cursor.isIdentChar(c.s.charAt(c.pos)))) c.pos++;
                        if (c.pos == s0) throw c.error("asm! options", "expected an option name");
                        options.add(c.s.substring(s0, c.pos));
                        if (!c.eat(" | ")) break;
                    }
                }
                c.take("))", "asm! options");
                break;
            }
            ops.add(asmOperand());
        }
        Successors s = successors();
        if (s.unlabeled) {
            return new Terminator.InlineAsm(template, ops, options, null, List.of(), new UnwindAction.Cleanup(s.targets.get(0)));
        }
        int i = 0;
        BasicBlock dest = null;
        if (i < s.labels.size() && s.labels.get(i).equals("return")) dest = s.targets.get(i++);
        List<BasicBlock> labels = new ArrayList<>();
        while (i < s.labels.size() && s.labels.get(i).equals("label")) labels.add(s.targets.get(i++));
        UnwindAction unwind;
        if (i < s.labels.size() && s.labels.get(i).equals("unwind")) unwind = new UnwindAction.Cleanup(s.targets.get(i++));
        else unwind = s.requireUnwind("asm!");
        if (i != s.labels.size()) throw c.error("asm! successors", "unexpected label '" + s.labels.get(i) + "'");
        return new Terminator.InlineAsm(template, ops, options, dest, labels, unwind);
    }

    /** The closing quote of an asm template: the first '"' followed by ', ' and an operand or options. */
    private int templateEnd() {
        int i = c.pos;
        while (true) {
            int q = c.s.indexOf('"', i);
            if (q < 0) throw c.error("asm! template", "unterminated template");
            if (c.s.startsWith(", ", q + 1)) {
                int a = q + 3;
                for (String kw : new String[] {"in(", "out(", "lateout(", "inout(", "inlateout(", "const ", "sym_fn ",
                        "sym_static ", "label ", "options("}) {
                    if (c.s.startsWith(kw, a)) return q;
                }
            }
            i = q + 1;
        }
    }

    private InlineAsmOperand asmOperand() {
        if (c.eat("const ")) {
            c.take("const ", "asm! const operand");
            return new InlineAsmOperand.Const(new ConstOperand(k.value()));
        }
        if (c.eat("sym_fn ")) {
            Operand op = operand();
            if (!(op instanceof Operand.Constant oc)) throw c.error("asm! sym_fn", "expected a constant");
            return new InlineAsmOperand.SymFn(oc.constant());
        }
        if (c.eat("sym_static ")) {
            int e = c.s.indexOf(", ", c.pos);
            if (e < 0) throw c.error("asm! sym_static", "unterminated");
            String id = c.s.substring(c.pos, e);
            c.pos = e;
            return new InlineAsmOperand.SymStatic(id);
        }
        if (c.eat("label ")) return new InlineAsmOperand.Label(c.uint("asm! label"));
        if (c.eat("in(")) {
            String reg = asmReg();
            return new InlineAsmOperand.In(reg, operand());
        }
        boolean inout = c.eat("in");
        boolean late = c.eat("late");
        c.take("out(", "asm! operand");
        String reg = asmReg();
        if (inout) {
            Operand in = operand();
            c.take(" => ", "asm! inout operand");
            return new InlineAsmOperand.InOut(reg, late, in, asmPlace());
        }
        return new InlineAsmOperand.Out(reg, late, asmPlace());
    }

    private Place asmPlace() {
        if (c.at('_') && !Cursor.isDigit(c.peek(1))) {
            c.pos++;
            return null;
        }
        return place();
    }

    private String asmReg() {
        int e = c.s.indexOf(") ", c.pos);
        int nl = c.s.indexOf('\n', c.pos);
        if (e < 0 || (nl >= 0 && nl < e)) throw c.error("asm! register", "unterminated");
        String reg = c.s.substring(c.pos, e);
        c.pos = e + 2;
        return reg;
    }

    // ---------------------------------------------------------------- assignments and rvalues

    private Object assignmentOrCall(Place dest) {
        char ch = c.peek();
        if (ch == 'y' && c.eat("yield(")) {
            Operand v = operand();
            c.take(')', "yield");
            Successors s = successors();
            if (s.unlabeled) return new Terminator.Yield(v, dest, s.targets.get(0), null);
            if (s.labels.size() == 2) {
                s.expectLabels("yield", "resume", "drop");
                return new Terminator.Yield(v, dest, s.targets.get(0), s.targets.get(1));
            }
            s.expectLabels("yield", "resume");
            return new Terminator.Yield(v, dest, s.targets.get(0), null);
        }
        if (c.at("copy ") || c.at("move ") || c.at("const ")) {
            Operand op = operand();
            if (c.at('(')) return call(dest, op);
            return new Statement.Assign(dest, afterOperand(op));
        }
        Object r = rvalue(dest);
        return r instanceof Terminator ? r : new Statement.Assign(dest, (Rvalue) r);
    }

    private Terminator call(Place dest, Operand func) {
        return call(dest, func, operandList("call"));
    }

    private Terminator call(Place dest, Operand func, List<Operand> args) {
        Successors s = successors();
        TargetAndUnwind tu = targetAndUnwind(s, "call", "return", true);
        return new Terminator.Call(dest, func, args, tu.target(), tu.unwind());
    }

    private List<Operand> operandList(String what) {
        c.take('(', what);
        List<Operand> ops = new ArrayList<>(4);
        if (c.eat(')')) return ops;
        ops.add(operand());
        while (c.eat(", ")) ops.add(operand());
        c.take(')', what);
        return ops;
    }

    private Rvalue afterOperand(Operand op) {
        if (c.eat(" as ")) {
            Ty ty = t.ty();
            c.take(" (", "cast");
            CastKind kind = castKind();
            c.take(')', "cast");
            return new Rvalue.Cast(kind, op, ty);
        }
        return new Rvalue.Use(op);
    }

    private CastKind castKind() {
        if (c.eat("PointerCoercion(")) {
            int start = c.pos;
            while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
            CastKind.PointerCoercion.Coercion co;
            try {
                co = CastKind.PointerCoercion.Coercion.valueOf(c.s.substring(start, c.pos));
            } catch (IllegalArgumentException e) {
                c.pos = start;
                throw c.error("pointer coercion", "unknown coercion");
            }
            boolean unsafe = false;
            if (co == CastKind.PointerCoercion.Coercion.ReifyFnPointer || co == CastKind.PointerCoercion.Coercion.ClosureFnPointer) {
                if (c.eat("(Unsafe)")) unsafe = true;
                else c.take("(Safe)", "pointer coercion");
            }
            c.take(", ", "pointer coercion");
            CastKind.PointerCoercion.Source src;
            if (c.eat("AsCast")) src = CastKind.PointerCoercion.Source.AsCast;
            else if (c.eat("Implicit")) src = CastKind.PointerCoercion.Source.Implicit;
            else throw c.error("pointer coercion", "expected 'AsCast' or 'Implicit'");
            c.take(')', "pointer coercion");
            return new CastKind.PointerCoercion(co, unsafe, src);
        }
        int start = c.pos;
        while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
        try {
            return CastKind.Simple.valueOf(c.s.substring(start, c.pos));
        } catch (IllegalArgumentException e) {
            c.pos = start;
            throw c.error("cast kind", "unknown cast kind");
        }
    }

    private Object rvalue(Place dest) {
        char ch = c.peek();
        switch (ch) {
            case '&':
                return reference();
            case '[': {
                c.pos++;
                if (c.eat(']')) return new Rvalue.Aggregate(new AggregateKind.Array(), List.of());
                Operand first = operand();
                if (c.eat("; ")) {
                    TyConst n = t.tyConst();
                    c.take(']', "repeat");
                    return new Rvalue.Repeat(first, n);
                }
                List<Operand> ops = new ArrayList<>();
                ops.add(first);
                while (c.eat(", ")) ops.add(operand());
                c.take(']', "array");
                return new Rvalue.Aggregate(new AggregateKind.Array(), ops);
            }
            case '(': {
                c.pos++;
                if (c.eat(')')) return new Rvalue.Aggregate(new AggregateKind.Tuple(), List.of());
                List<Operand> ops = new ArrayList<>(3);
                ops.add(operand());
                if (c.eat(",)")) return new Rvalue.Aggregate(new AggregateKind.Tuple(), ops);
                while (c.eat(", ")) ops.add(operand());
                c.take(')', "tuple");
                return new Rvalue.Aggregate(new AggregateKind.Tuple(), ops);
            }
            case '{':
                if (c.eat("{closure@")) {
                    Path p = t.path(true);
                    c.take('}', "closure");
                    List<String> names = new ArrayList<>();
                    List<Operand> ops = structFields(names);
                    return new Rvalue.Aggregate(new AggregateKind.Closure(p, names), ops);
                }
                if (c.eat("{coroutine@")) {
                    int e = c.s.indexOf('}', c.pos);
                    if (e < 0) throw c.error("coroutine", "unterminated");
                    String span = c.s.substring(c.pos, e);
                    c.pos = e + 1;
                    List<String> names = new ArrayList<>();
                    List<Operand> ops = structFields(names);
                    return new Rvalue.Aggregate(new AggregateKind.Coroutine(span, names), ops);
                }
                break;
            case '*': {
                Ty.Mutability m;
                if (c.eat("*const ")) m = Ty.Mutability.NOT;
                else if (c.eat("*mut ")) m = Ty.Mutability.MUT;
                else break;
                Ty pointee = t.ty();
                c.take(" from (", "raw pointer aggregate");
                List<Operand> ops = new ArrayList<>(2);
                ops.add(operand());
                if (!c.eat(",)")) {
                    while (c.eat(", ")) ops.add(operand());
                    c.take(')', "raw pointer aggregate");
                }
                return new Rvalue.Aggregate(new AggregateKind.RawPtr(pointee, m), ops);
            }
            case 'd':
                if (c.eat("discriminant(")) {
                    Place p = place();
                    c.take(')', "discriminant");
                    return new Rvalue.Discriminant(p);
                }
                if (c.eat("deref_copy ")) return new Rvalue.CopyForDeref(place());
                break;
            case 'w':
                if (c.eat("wrap_binder!(")) {
                    Operand op = operand();
                    c.take("; ", "wrap_binder!");
                    Ty ty = t.ty();
                    c.take(')', "wrap_binder!");
                    return new Rvalue.WrapUnsafeBinder(op, ty);
                }
                break;
            case 'U':
            case 'C':
            case 'O':
                if (c.atWord("UbChecks") || c.atWord("ContractChecks") || c.atWord("OverflowChecks")) {
                    return afterOperand(operand());
                }
                break;
            default:
                break;
        }
        if (c.atIdentStart()) {
            int s0 = c.pos;
            while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
            if (c.at('(')) {
                String name = c.s.substring(s0, c.pos);
                Rvalue.BinOp bin = BIN_OPS.get(name);
                if (bin != null) {
                    c.pos++;
                    Operand l = operand();
                    c.take(", ", "binary op");
                    Operand r = operand();
                    c.take(')', "binary op");
                    return new Rvalue.BinaryOp(bin, l, r);
                }
                Rvalue.UnOp un = UN_OPS.get(name);
                if (un != null) {
                    c.pos++;
                    Operand o = operand();
                    c.take(')', "unary op");
                    return new Rvalue.UnaryOp(un, o);
                }
            }
            c.pos = s0;
        }
        if (c.atIdentStart() || ch == '<') return pathRvalue(dest);
        throw c.error("rvalue", "unknown rvalue");
    }

    private Rvalue reference() {
        if (c.eat("&raw ")) {
            Rvalue.RawPtrKind kind;
            if (c.eat("const (fake) ")) kind = Rvalue.RawPtrKind.FAKE_FOR_PTR_METADATA;
            else if (c.eat("const ")) kind = Rvalue.RawPtrKind.CONST;
            else if (c.eat("mut ")) kind = Rvalue.RawPtrKind.MUT;
            else throw c.error("raw borrow", "expected 'const' or 'mut'");
            return new Rvalue.RawPtr(kind, place());
        }
        if (c.eat("&/*tls*/ ")) {
            boolean mut = c.eat("mut ");
            return new Rvalue.ThreadLocalRef(mut, t.path(true));
        }
        c.take('&', "borrow");
        Rvalue.BorrowKind kind = Rvalue.BorrowKind.SHARED;
        if (c.eat("mut ")) kind = Rvalue.BorrowKind.MUT;
        else if (c.eat("fake shallow ")) kind = Rvalue.BorrowKind.FAKE_SHALLOW;
        else if (c.eat("fake ")) kind = Rvalue.BorrowKind.FAKE_DEEP;
        return new Rvalue.Ref(kind, place());
    }

    /** {@code { a: op, b: op }} after a struct-like name, or nothing for an empty struct. */
    private List<Operand> structFields(List<String> names) {
        List<Operand> ops = new ArrayList<>();
        if (!c.eat(" { ")) return ops;
        while (true) {
            names.add(k.fieldName());
            c.take(": ", "struct field");
            ops.add(operand());
            if (!c.eat(", ")) break;
        }
        c.take(" }", "struct aggregate");
        return ops;
    }

    /**
     * An rvalue that starts with a value path: an ADT aggregate, a call (handled by the caller
     * through {@link #assignmentOrCall}), a cast of a fn item, or a bare path. A bare path is a
     * unit ADT value unless the destination's type is a fn item, in which case it is that fn item.
     */
    private Object pathRvalue(Place dest) {
        Path p = t.path(true);
        if (c.at('(')) {
            List<Operand> ops = operandList("aggregate");
            if (c.at(" -> ")) {
                return call(dest, new Operand.Constant(new ConstOperand(new ConstValue.FnItem(p))), ops);
            }
            return new Rvalue.Aggregate(new AggregateKind.Adt(p, AggregateKind.CtorKind.FN, null), ops);
        }
        if (c.at(" { ")) {
            List<String> names = new ArrayList<>();
            List<Operand> ops = structFields(names);
            return new Rvalue.Aggregate(new AggregateKind.Adt(p, AggregateKind.CtorKind.STRUCT, names), ops);
        }
        Operand fnItem = new Operand.Constant(new ConstOperand(new ConstValue.FnItem(p)));
        if (c.at(" as ")) return afterOperand(fnItem);
        Ty destTy = placeTy(dest);
        if (destTy instanceof Ty.FnDef) return new Rvalue.Use(fnItem);
        if (destTy == null) throw c.error("rvalue", "cannot tell a unit value from a fn item: unknown destination type");
        return new Rvalue.Aggregate(new AggregateKind.Adt(p, AggregateKind.CtorKind.CONST, null), List.of());
    }

    /** The type of a place, from its local's declared type and the printed field types; null if unknown. */
    private Ty placeTy(Place p) {
        int i = p.local().index();
        if (i >= locals.length || locals[i] == null) return null;
        Ty ty = locals[i].ty();
        for (ProjectionElem e : p.projection()) {
            if (e instanceof ProjectionElem.Field f) ty = f.ty();
            else if (e instanceof ProjectionElem.Deref) {
                if (ty instanceof Ty.Ref r) ty = r.pointee();
                else if (ty instanceof Ty.RawPtr r) ty = r.pointee();
                else return null;
            } else if (e instanceof ProjectionElem.Index || e instanceof ProjectionElem.ConstantIndex) {
                if (ty instanceof Ty.Array a) ty = a.element();
                else if (ty instanceof Ty.Slice s) ty = s.element();
                else return null;
            } else if (e instanceof ProjectionElem.OpaqueCast oc) ty = oc.ty();
            else if (e instanceof ProjectionElem.UnwrapUnsafeBinder ub) ty = ub.ty();
            else if (!(e instanceof ProjectionElem.Downcast)) return null;
        }
        return ty;
    }

    // ---------------------------------------------------------------- operands and places

    Operand operand() {
        char ch = c.peek();
        if (ch == 'c') {
            if (c.eat("copy ")) return new Operand.Copy(place());
            if (c.eat("const ")) return new Operand.Constant(new ConstOperand(k.value()));
        } else if (ch == 'm') {
            if (c.eat("move ")) return new Operand.Move(place());
        } else if (ch == 'U' && c.eatWord("UbChecks")) {
            return new Operand.RuntimeChecks(Operand.RuntimeChecks.Kind.UbChecks);
        } else if (ch == 'C' && c.eatWord("ContractChecks")) {
            return new Operand.RuntimeChecks(Operand.RuntimeChecks.Kind.ContractChecks);
        } else if (ch == 'O' && c.eatWord("OverflowChecks")) {
            return new Operand.RuntimeChecks(Operand.RuntimeChecks.Kind.OverflowChecks);
        }
        if (ch == '<' || c.atIdentStart()) {
            return new Operand.Constant(new ConstOperand(new ConstValue.FnItem(t.path(true))));
        }
        throw c.error("operand", "expected an operand");
    }

    private boolean atPlace() {
        char ch = c.peek();
        if (ch == '_') return Cursor.isDigit(c.peek(1));
        return ch == '(' || c.at("unwrap_binder!(");
    }

    private static final ProjectionElem DEREF = new ProjectionElem.Deref();

    Place place() {
        // Openers are printed innermost-last: the one next to the local belongs to the first projection.
        byte[] stack = null;
        int depth = 0;
        while (true) {
            byte kind;
            if (c.at("(*")) {
                c.pos += 2;
                kind = 'D';
            } else if (c.at('(')) {
                c.pos++;
                kind = 'P';
            } else if (c.at("unwrap_binder!(")) {
                c.pos += 15;
                kind = 'U';
            } else {
                break;
            }
            if (stack == null) stack = new byte[8];
            else if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
            stack[depth++] = kind;
        }
        c.take('_', "place");
        Local local = new Local(c.uint("place"));
        if (depth == 0 && !c.at('[')) return new Place(local);
        List<ProjectionElem> proj = new ArrayList<>(depth + 1);
        while (true) {
            if (c.at('[')) {
                proj.add(indexProjection());
                continue;
            }
            if (depth == 0) break;
            byte kind = stack[--depth];
            if (kind == 'D') {
                c.take(')', "deref");
                proj.add(DEREF);
            } else if (kind == 'U') {
                c.take("; ", "unwrap_binder!");
                Ty ty = t.ty();
                c.take(')', "unwrap_binder!");
                proj.add(new ProjectionElem.UnwrapUnsafeBinder(ty));
            } else if (c.eat('.')) {
                int f = c.uint("field");
                c.take(": ", "field");
                Ty ty = t.ty();
                c.take(')', "field");
                proj.add(new ProjectionElem.Field(f, ty));
            } else if (c.eat(" as ")) {
                if (c.eat("variant#")) {
                    proj.add(new ProjectionElem.Downcast(null, c.uint("variant index")));
                    c.take(')', "downcast");
                } else {
                    int save = c.pos;
                    if (c.atIdentStart()) {
                        String name = c.ident("variant name");
                        if (c.eat(')')) {
                            proj.add(new ProjectionElem.Downcast(name, null));
                            continue;
                        }
                        c.pos = save;
                    }
                    Ty ty = t.ty();
                    c.take(')', "opaque cast");
                    proj.add(new ProjectionElem.OpaqueCast(ty));
                }
            } else {
                throw c.error("place", "expected a projection");
            }
        }
        return new Place(local, proj);
    }

    private ProjectionElem indexProjection() {
        c.take('[', "index");
        if (c.eat('_')) {
            Local l = new Local(c.uint("index local"));
            c.take(']', "index");
            return new ProjectionElem.Index(l);
        }
        if (c.eat(":-")) {
            long to = c.ulong("subslice");
            c.take(']', "subslice");
            return new ProjectionElem.Subslice(0, to, true);
        }
        boolean fromEnd = c.eat('-');
        long a = c.ulong("index");
        if (c.eat(" of ")) {
            long min = c.ulong("constant index");
            c.take(']', "constant index");
            return new ProjectionElem.ConstantIndex(a, min, fromEnd);
        }
        if (fromEnd) throw c.error("constant index", "expected ' of '");
        if (c.eat(":]")) return new ProjectionElem.Subslice(a, 0, true);
        if (c.eat(":-")) {
            long to = c.ulong("subslice");
            c.take(']', "subslice");
            return new ProjectionElem.Subslice(a, to, true);
        }
        c.take("..", "subslice");
        long to = c.ulong("subslice");
        c.take(']', "subslice");
        return new ProjectionElem.Subslice(a, to, false);
    }
}
