// The demo's drawn signatures: each person's own, the same at every meeting, kept by the one "too small"
// rule, and ink when drawn by SignatureInk (as on the pad and the certificate).
#include "demo/DemoSignature.h"

#include "meetings/Signature.h"
#include "meetings/SignatureInk.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString People[] = {QStringLiteral("Chris Chair"),       QStringLiteral("Morgan Member"),
                          QStringLiteral("Siân Llewellyn"),    QStringLiteral("Jo Ng"),
                          QStringLiteral("Aled ap Rhys-Owen"), QStringLiteral("Priya Shah")};

int inkPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qGray(image.pixel(x, y)) < 160 ? 1 : 0;
    return count;
}

} // namespace

TEST(DemoSignature, EachPersonsSignatureIsAcceptableAndTheirOwn)
{
    std::vector<QByteArray> seen;
    for (const QString& name : People) {
        const QByteArray bytes = DemoSignature::of(name);
        auto signature = Signature::decode(bytes);
        ASSERT_TRUE(signature.ok()) << name.toStdString();
        EXPECT_TRUE(signature->checkAcceptable().ok()) << name.toStdString();
        EXPECT_GE(signature->strokes().size(), 3u) << "a capital and a word at least, " << name.toStdString();
        EXPECT_GT(signature->bounds().width(), 1.5 * signature->bounds().height()) << "written along a line";
        EXPECT_LT(signature->bounds().right(), 600) << "fits the pad";
        EXPECT_EQ(DemoSignature::of(name), bytes) << "the same hand at every meeting";
        for (const QByteArray& other : seen)
            EXPECT_NE(other, bytes) << name.toStdString();
        seen.push_back(bytes);
    }
}

TEST(DemoSignature, PressureVariesAlongTheLine)
{
    auto signature = Signature::decode(DemoSignature::of(People[1]));
    ASSERT_TRUE(signature.ok());
    qreal lightest = 1, heaviest = 0;
    for (const auto& stroke : signature->strokes())
        for (const auto& point : stroke) {
            lightest = std::min(lightest, point.pressure);
            heaviest = std::max(heaviest, point.pressure);
        }
    EXPECT_GT(heaviest - lightest, 0.3);
}

TEST(DemoSignature, IsInkWhenDrawn)
{
    auto signature = Signature::decode(DemoSignature::of(People[2]));
    ASSERT_TRUE(signature.ok());
    QImage image(600, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        SignatureInk::paint(painter, *signature);
    }
    EXPECT_GT(inkPixels(image), 500);
    if (qEnvironmentVariableIsSet("CONFER_DEMO_SIGNATURE_PNG"))
        image.save(qEnvironmentVariable("CONFER_DEMO_SIGNATURE_PNG"));
}
