package dev.osprey.internal.driver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The connection handed to {@code withConnection} callbacks: the pooled connection, except that
 * {@code close()} does nothing (Osprey returns it to the pool) and every statement the callback
 * creates is registered with its {@link Operation}, so that cancelling the call cancels them.
 */
final class GuardedConnection implements InvocationHandler {
    private final Connection target;
    private final Operation<?> operation;
    private final Operation.Canceller again;

    private GuardedConnection(Connection target, Operation<?> operation, Operation.Canceller again) {
        this.target = target;
        this.operation = operation;
        this.again = again;
    }

    /** {@code target} for user code; its statements are cancelled with the call, repeats through {@code again}. */
    static Connection wrap(Connection target, Operation<?> operation, Operation.Canceller again) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new GuardedConnection(target, operation, again));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                return null;
            case "isClosed":
                return target.isClosed();
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "Osprey connection over " + target;
            default:
                break;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Statement statement) {
            operation.track(statement, again);
        }
        return result;
    }
}
