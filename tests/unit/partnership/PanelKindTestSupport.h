#pragma once

#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"

#include <gtest/gtest.h>

#include <optional>

namespace confer::test {

// Loads the registry once per test suite: the four shipped kinds, read from the embedded resources.
class ShippedKindsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        auto loaded = PanelKindRegistry::load(standardStageGates());
        if (loaded.ok())
            registry.emplace(std::move(loaded).value());
        else
            loadError = loaded.error().message.toStdString();
    }
    static void TearDownTestSuite() { registry.reset(); }

    void SetUp() override { ASSERT_TRUE(registry.has_value()) << loadError; }

    // The shipped kind with this key; the test fails (and the reference is not used) when it is missing.
    static const PanelKind& kind(const QString& key)
    {
        static const PanelKind none;
        const PanelKind* found = registry ? registry->kind(key) : nullptr;
        EXPECT_NE(found, nullptr) << "panel kind " << key.toStdString() << " is not shipped";
        return found ? *found : none;
    }

    static inline std::optional<PanelKindRegistry> registry;
    static inline std::string loadError;
};

inline QStringList choiceKeys(const QList<FieldDefinition::Choice>& choices)
{
    QStringList keys;
    for (const FieldDefinition::Choice& choice : choices)
        keys.append(choice.key);
    return keys;
}

inline QStringList stageKeys(const PanelKind& kind)
{
    QStringList keys;
    for (const StageDefinition& stage : kind.stages)
        keys.append(stage.key);
    return keys;
}

inline QStringList requiredFieldKeys(const PanelKind& kind)
{
    QStringList keys;
    for (const FieldDefinition& field : kind.fields) {
        if (field.isRequired)
            keys.append(field.key);
    }
    return keys;
}

// Moves along path one step at a time, giving the first listed reason (or a free-text one) where the
// target stage needs a reason. Returns the first refusal, naming the step.
inline ::testing::AssertionResult walks(const PanelKind& kind, const QStringList& path)
{
    for (qsizetype i = 1; i < path.size(); ++i) {
        const StageDefinition* target = kind.stage(path.at(i));
        QString reason;
        if (target && target->needsReason)
            reason = target->reasons.isEmpty() ? QStringLiteral("Signposted to early help")
                                               : target->reasons.first().key;
        const Status moved = kind.checkMove(path.at(i - 1), path.at(i), reason);
        if (!moved.ok()) {
            return ::testing::AssertionFailure()
                   << path.at(i - 1).toStdString() << " -> " << path.at(i).toStdString() << ": "
                   << moved.error().message.toStdString();
        }
    }
    return ::testing::AssertionSuccess();
}

inline std::string messageOf(const Status& status)
{
    return status.ok() ? std::string() : status.error().message.toStdString();
}

} // namespace confer::test
