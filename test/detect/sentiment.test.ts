// Runs the real wink-nlp English model and the shipped sentiment model: the customer side rests on both.
import { describe, expect, it } from 'vitest';
import { createDefaultEngine, LazyTurnText } from '../../src/detect/engine.js';
import { predict } from '../../src/detect/linear-model.js';
import { createSentimentModel, toSentiment } from '../../src/detect/sentiment.js';
import { loadFeatureContext, loadSentimentModel } from '../../src/detect/sentiment-context.js';
import { sentimentFeatures } from '../../src/detect/sentiment-features.js';

const engine = createDefaultEngine();
const sentiment = (text: string) => engine.analyse('customer', text).sentiment!;

describe('customer sentiment', () => {
  it('labels clear complaints negative and clear praise positive', () => {
    expect(sentiment('This is terrible service, I am very angry.').label).toBe('negative');
    expect(sentiment('Thank you so much, that was wonderful help!').label).toBe('positive');
  });

  it('reads support-domain complaints that a general lexicon calls neutral or positive', () => {
    for (const text of [
      'This is the third time I have called and still no answer.',
      'Great, another delay. Thanks for nothing.',
      'I want to speak to a manager and cancel my account.',
      'Calm down? I have been on hold for two hours.',
    ]) expect(sentiment(text).label, text).toBe('negative');
  });

  it('reads problem reports outside airline talk as the disruption they are', () => {
    const context = loadFeatureContext();
    const cues = (text: string) => [...sentimentFeatures(text, [], context).keys()].filter((k) => k.startsWith('cue:'));
    for (const text of [
      'The app keeps crashing when I open it',
      'It will not let me log in',
      'I can not access my account since yesterday',
      'Having trouble redeeming my code',
      'You sent me the wrong order',
      'Is PSN down? My account was hacked',
    ]) expect(cues(text), text).toContain('cue:disruption');
    for (const text of ['I ordered the wrong size', 'How do I change my password?']) expect(cues(text), text).not.toContain('cue:disruption');
    for (const text of ['My redeem code does not work and the store will not let me buy it', 'The app keeps crashing and I can not log in.']) {
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('reads threats to go to a regulator or a lawyer as escalation, and misspelt complaints as complaints', () => {
    const context = loadFeatureContext();
    const cues = (text: string) => [...sentimentFeatures(text, [], context).keys()].filter((k) => k.startsWith('cue:'));
    for (const text of ["lol wow ok, I'll have to go to ACCC for a refund", 'I am reporting you to the BBB', 'I will dispute the charge with my bank', 'Next step is getting a lawyer']) {
      expect(cues(text), text).toContain('cue:escalation');
    }
    for (const text of ['I went to the store to get a refund', 'Can I call my bank to check?']) expect(cues(text), text).not.toContain('cue:escalation');
    for (const text of ['this is very dissapointing', 'rediculous', 'so frustated right now', 'there is no need for sarcasm here']) expect(cues(text), text).toContain('cue:complaint');
    expect(sentiment('this is very dissapointing').label).toBe('negative');
  });

  it('reads thanks for a harm as sarcasm, not praise', () => {
    expect(sentiment('Thank you for ruining my phone.').label).toBe('negative');
    expect(sentiment('Thanks for nothing').label).toBe('negative');
    expect(sentiment('Thank you for fixing my phone!').label).toBe('positive');
  });

  it('reads exasperation and endless waits as their cues, and leaves a plain "give up my seat" alone', () => {
    const context = loadFeatureContext();
    const cues = (text: string) => [...sentimentFeatures(text, [], context).keys()].filter((k) => k.startsWith('cue:'));
    for (const text of ['what?? that makes no sense', "This doesn't make any sense.", 'I give up', "I've had enough.", 'Wow. Just wow.']) expect(cues(text), text).toContain('cue:complaint');
    for (const text of ['This is taking forever.', 'It took ages to get through']) expect(cues(text), text).toContain('cue:waiting');
    expect(cues('Can I give up my seat for my mum?')).toEqual(['cue:request']);
    expect(sentiment('what?? that makes no sense').label).toBe('negative');
  });

  it('reads the praise words of a sarcastic form as the sarcasm alone, not as praise', () => {
    const context = loadFeatureContext();
    const features = (text: string) => [...sentimentFeatures(text, [], context).keys()];
    const sarcastic = features('Great, thanks for nothing. Bye');
    expect(sarcastic).toContain('cue:sarcasm');
    expect(sarcastic).not.toContain('w:great');
    expect(sarcastic).not.toContain('w:thanks');
    expect(sarcastic).toEqual(expect.arrayContaining(['w:nothing', 'w:bye']));
    expect(features('Great, thanks for the help')).toEqual(expect.arrayContaining(['w:great', 'w:thanks']));
    for (const text of ['Great, thanks for nothing.', 'Oh great, another delay.']) expect(sentiment(text).label, text).toBe('negative');
    expect(sentiment('So much for the priority line.').label).not.toBe('positive');
  });

  it('keeps plain questions neutral', () => {
    expect(sentiment('Can you tell me how to change the email on my account?').label).toBe('neutral');
  });

  it('reads a line that only corrects a typo as neutral, but not an emote in asterisks', () => {
    expect(sentiment('default')).not.toEqual({ score: 0, label: 'neutral' });
    for (const text of ['default*', '*their', 'the default one*']) expect(sentiment(text), text).toEqual({ score: 0, label: 'neutral' });
    expect(sentiment('*sigh*').label).toBe('negative');
  });

  it('scores within -1..1 with the label of the most likely class', () => {
    expect(toSentiment([0.7, 0.2, 0.1], ['negative', 'neutral', 'positive'], 0, 2)).toEqual({ score: -0.6, label: 'negative' });
    expect(toSentiment([0.2, 0.5, 0.3], ['negative', 'neutral', 'positive'], 0, 2)).toEqual({ score: 0.1, label: 'neutral' });
    const s = sentiment('Awful awful awful. Worst airline ever!!! 😡');
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThan(-0.5);
  });

  it('scores with another model when the engine is given one, as npm run accuracy gives the half model', () => {
    const positive = { labels: ['negative', 'neutral', 'positive'], bias: [0, 0, 50], weights: {} };
    const other = createDefaultEngine(undefined, { roles: ['customer'], sentimentModel: positive });
    expect(other.analyse('customer', 'This is terrible service, I am very angry.').sentiment!.label).toBe('positive');
  });

  it('is deterministic', () => {
    const text = 'My bag was lost and nobody at the desk could help.';
    expect(sentiment(text)).toEqual(sentiment(text));
  });
});

describe('the sentiment model in two steps', () => {
  it('gives exactly what the named features the model was trained on give', () => {
    const linear = loadSentimentModel();
    const context = loadFeatureContext();
    const model = createSentimentModel(linear, context);
    const labels = linear.labels as ('negative' | 'neutral' | 'positive')[];
    const texts = ['not not happy at all', 'I am NOT happy!!! Still no refund :(', '@Co third time asking, thanks for nothing https://x.example', 'Great, love it 😍 not bad', 'ok? ok. not_a_word 42'];
    for (const text of texts) {
      for (const scores of [[], [0.4, -0.2], [0, 0]]) {
        const named = toSentiment(predict(linear, sentimentFeatures(text, scores, context)), labels, labels.indexOf('negative'), labels.indexOf('positive'));
        expect(model.complete(model.partial(new LazyTurnText(text)), scores)).toEqual(named);
      }
    }
  });
});

describe("the build's snapshot of the sentiment model (npm test builds first)", () => {
  it('is read in place of the JSON and scores exactly as the JSON does', async () => {
    const dist = '../../dist/detect/';
    const { currentSentimentSnapshot, loadShippedSentiment } = await import(`${dist}sentiment-snapshot.js`);
    const { createSentimentModel: distModel } = await import(`${dist}sentiment.js`);
    const { loadFeatureContext: distContext, loadSentimentModel: distJson } = await import(`${dist}sentiment-context.js`);
    const { tokenize: distTokenize } = await import(`${dist}tokenize.js`);
    expect(currentSentimentSnapshot()).toBeDefined();
    const context = distContext();
    const fromSnapshot = distModel(loadShippedSentiment(), context);
    const fromJson = distModel(distJson(), context);
    for (const text of ['Still no refund after three weeks. Unacceptable!', 'Thanks so much, you fixed it :)', 'How do I change my email?']) {
      const turn = { text, tokens: distTokenize(text) };
      expect(fromSnapshot.complete(fromSnapshot.partial(turn), [0.5, -0.2]), text).toEqual(fromJson.complete(fromJson.partial(turn), [0.5, -0.2]));
    }
  });
});
