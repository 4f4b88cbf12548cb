package io.bankcrm.platform.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import java.util.Collection;
import java.util.Map;

/**
 * {@code @Size} on text counts characters (Unicode code points), as the OpenAPI {@code maxLength} it becomes
 * promises and as PostgreSQL's {@code varchar(n)} counts: 99 emoji fit a 100-character field. (Hibernate
 * Validator's own validator counts UTF-16 units, so each emoji counted twice.) Collections, maps and arrays
 * keep their element counts.
 */
@ApplicationScoped
public class CodePointSize implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(false)
                .validatedBy(OfText.class)
                .validatedBy(OfCollection.class)
                .validatedBy(OfMap.class)
                .validatedBy(OfArray.class);
        configuration.addMapping(mapping);
    }

    abstract static class Bounded<T> implements ConstraintValidator<Size, T> {
        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            if (size.min() < 0 || size.max() < size.min()) {
                throw new IllegalArgumentException("@Size needs 0 <= min <= max");
            }
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(T value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int size = sizeOf(value);
            return size >= min && size <= max;
        }

        abstract int sizeOf(T value);
    }

    public static final class OfText extends Bounded<CharSequence> {
        @Override
        int sizeOf(CharSequence value) {
            return Text.length(value);
        }
    }

    public static final class OfCollection extends Bounded<Collection<?>> {
        @Override
        int sizeOf(Collection<?> value) {
            return value.size();
        }
    }

    public static final class OfMap extends Bounded<Map<?, ?>> {
        @Override
        int sizeOf(Map<?, ?> value) {
            return value.size();
        }
    }

    public static final class OfArray extends Bounded<Object[]> {
        @Override
        int sizeOf(Object[] value) {
            return value.length;
        }
    }
}
