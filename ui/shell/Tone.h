#pragma once

class QLabel;

namespace confer {

// The few colours a status line may take. Set through the palette, so they hold with or without
// the application style sheet.
enum class Tone { Normal, Muted, Good, Warning, Bad };

void applyTone(QLabel* label, Tone tone);

} // namespace confer
