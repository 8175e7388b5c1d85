package dev.osprey.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.util.Arrays;
import java.util.stream.Stream;

/** Supplies one {@link TestDb} per {@link Target} that has what the test {@link RequiresCapability requires}. */
public final class TestDatabases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        Capability[] required = context.getRequiredTestMethod().isAnnotationPresent(RequiresCapability.class)
                ? context.getRequiredTestMethod().getAnnotation(RequiresCapability.class).value()
                : new Capability[0];
        return Arrays.stream(Target.values())
                .filter(target -> Arrays.stream(required).allMatch(target::has))
                .map(target -> Arguments.of(new TestDb(target)));
    }
}
