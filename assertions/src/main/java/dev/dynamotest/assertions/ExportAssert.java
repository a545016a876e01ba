package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.ExportItemsReader;
import dev.dynamotest.assertions.internal.ItemsSubject;
import dev.dynamotest.core.s3.ExportContents;

/**
 * Assertions on an export that ExportTableToPointInTime wrote, read back from the object store: its status, the
 * item count of its manifest, and its items (for an incremental export, the new images of its changes). Obtain it
 * with {@link DynamoAssertions#assertThat(ExportContents)}.
 *
 * <pre>{@code
 * assertThat(dynamo.s3().export(exportArn))
 *     .isCompleted()
 *     .hasItemCount(2)
 *     .containsItem(Key.of("pk", "A#1"));
 * }</pre>
 */
public class ExportAssert extends AbstractItemsAssert<ExportAssert> {

    ExportAssert(ItemsSubject subject) {
        super(subject, ExportAssert.class);
    }

    @Override
    protected ExportAssert copy(ItemsSubject subject) {
        return subject.context().create(ExportAssert.class, ItemsSubject.class, subject, ExportAssert::new);
    }

    /** Verifies that the export completed (rather than failed). */
    public ExportAssert isCompleted() {
        ExportContents export = ((ExportItemsReader) actual.reader()).export();
        check(() -> {
            if (!"COMPLETED".equals(export.status())) {
                throw error("Expecting export status:\n  " + export.status() + "\nto be:\n  COMPLETED");
            }
        });
        return myself;
    }
}
